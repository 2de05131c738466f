-- Expired idempotency keys are purged per tenant, oldest first, a few with each new key.
DROP INDEX idempotency_record_age;
CREATE INDEX idempotency_record_tenant_age ON idempotency_record (tenant_id, created_at);
