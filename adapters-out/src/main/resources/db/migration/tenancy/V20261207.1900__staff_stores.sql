-- The stores a staff account works in (comma-separated ids); empty for the whole chain.
-- A store manager or cashier bound to stores sees only their data (traffic, visits, alerts, cameras, tills).
ALTER TABLE staff_account ADD COLUMN stores text NOT NULL DEFAULT '';
