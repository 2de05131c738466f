-- Issue 14: the points-expiring job looks lots up by expiry. Built CONCURRENTLY (this migration runs
-- outside a transaction, see its .conf), so tills keep writing bonus_lot while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS bonus_lot_expiry ON bonus_lot (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
