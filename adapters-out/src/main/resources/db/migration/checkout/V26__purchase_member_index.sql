-- Issue 15: a member's own purchases by day (the tier's 12 months of spend, per member). Built CONCURRENTLY
-- outside a transaction (see its .conf), so the projection keeps writing while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS mkt_purchase_day_member ON mkt_purchase_day (tenant_id, member_id, day) WHERE dim = 'all';
