-- Issue 11: the dispatcher takes each tenant's due messages in turn (one tenant's backlog no longer delays another's
-- receipts): the tenants with queued messages are found by skipping along this index, and each one's oldest due
-- messages are a range of it. Built CONCURRENTLY outside a transaction (see its .conf): tills keep queueing receipts.
CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_due_tenant ON outbox_message (tenant_id, next_at) WHERE status = 'QUEUED';
