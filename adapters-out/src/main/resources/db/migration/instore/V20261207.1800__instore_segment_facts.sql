-- What store analytics publishes to segments: members' store visits per day (UTC), shaped like marketing's day tables
-- (tenant_id, member_id, day, store_id, events). Views over the visits, so erasure and consent withdrawal, which delete
-- visits, leave nothing behind here; row-level security of instore_visit applies through them (its owner is forced).
CREATE VIEW instore_visit_day AS
    SELECT tenant_id, member_id, (opened_at AT TIME ZONE 'UTC')::date AS day, store_id, count(*)::int AS events
    FROM instore_visit GROUP BY 1, 2, 3, 4;

-- Visits that ended without a receipt at that store.
CREATE VIEW instore_unconverted_day AS
    SELECT tenant_id, member_id, (opened_at AT TIME ZONE 'UTC')::date AS day, store_id, count(*)::int AS events
    FROM instore_visit WHERE closed_at IS NOT NULL AND converted_at IS NULL GROUP BY 1, 2, 3, 4;

-- Visits that ended markedly less happy than they began (MoodShift.MARKED_DROP).
CREATE VIEW instore_unhappy_day AS
    SELECT tenant_id, member_id, (opened_at AT TIME ZONE 'UTC')::date AS day, store_id, count(*)::int AS events
    FROM instore_visit WHERE exit_mood - entry_mood <= -0.6 GROUP BY 1, 2, 3, 4;
