-- Store analytics: where cameras hang, members' visits, hourly aggregates of everyone counted, watch lists, alerts and
-- the audit of searches. No table holds a face of anyone who did not consent, except BANNED/STAFF/CUSTOM entries
-- made from a photo on purpose (audited, expiring); passers-by live only in memory (see README, "Store analytics").

CREATE TABLE instore_camera (
    tenant_id   uuid NOT NULL,
    terminal_id uuid NOT NULL,
    store_id    uuid NOT NULL,
    placement   text NOT NULL CHECK (placement IN ('ENTRANCE', 'EXIT', 'FLOOR')),
    PRIMARY KEY (tenant_id, terminal_id)
);
SELECT facecard_isolate_by_tenant('instore_camera');

CREATE TABLE instore_visit (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    store_id     uuid NOT NULL,
    member_id    uuid NOT NULL,
    opened_at    timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    closed_at    timestamptz,
    close_reason text,
    first_visit  boolean NOT NULL,
    entry_mood   double precision,
    exit_mood    double precision,
    converted_at timestamptz
);
CREATE UNIQUE INDEX instore_visit_open ON instore_visit (tenant_id, store_id, member_id) WHERE closed_at IS NULL;
CREATE INDEX instore_visit_member ON instore_visit (tenant_id, member_id, opened_at DESC);
CREATE INDEX instore_visit_store ON instore_visit (tenant_id, store_id, opened_at);
SELECT facecard_isolate_by_tenant('instore_visit');

-- One row per store and hour: counts of people (members and passers-by alike, staff never), their age bands, gender and
-- mood on the way in, and the mood shifts of visits that were seen leaving. Sums, so hours add up to days and weeks.
CREATE TABLE instore_hour (
    tenant_id        uuid NOT NULL,
    store_id         uuid NOT NULL,
    hour             timestamptz NOT NULL,
    footfall         integer NOT NULL DEFAULT 0,
    members          integer NOT NULL DEFAULT 0,
    new_members      integer NOT NULL DEFAULT 0,
    male             integer NOT NULL DEFAULT 0,
    female           integer NOT NULL DEFAULT 0,
    age_under_18     integer NOT NULL DEFAULT 0,
    age_18_24        integer NOT NULL DEFAULT 0,
    age_25_34        integer NOT NULL DEFAULT 0,
    age_35_44        integer NOT NULL DEFAULT 0,
    age_45_54        integer NOT NULL DEFAULT 0,
    age_55_64        integer NOT NULL DEFAULT 0,
    age_65_plus      integer NOT NULL DEFAULT 0,
    mood_n           integer NOT NULL DEFAULT 0,
    mood_sum         double precision NOT NULL DEFAULT 0,
    shift_n          integer NOT NULL DEFAULT 0,
    shift_sum        double precision NOT NULL DEFAULT 0,
    shift_squares    double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, store_id, hour)
);
SELECT facecard_isolate_by_tenant('instore_hour');

CREATE TABLE instore_watch_list (
    id                    uuid PRIMARY KEY,
    tenant_id             uuid NOT NULL,
    name                  text NOT NULL,
    kind                  text NOT NULL CHECK (kind IN ('VIP', 'STAFF', 'BANNED', 'CUSTOM')),
    false_alerts_per10k   double precision NOT NULL,
    created_by            text NOT NULL,
    created_at            timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);
SELECT facecard_isolate_by_tenant('instore_watch_list');

CREATE TABLE instore_watch_entry (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    list_id     uuid NOT NULL REFERENCES instore_watch_list (id) ON DELETE CASCADE,
    member_id   uuid,
    label       text NOT NULL,
    reason      text NOT NULL,
    added_by    text NOT NULL,
    added_at    timestamptz NOT NULL,
    expires_at  timestamptz,
    embedding   vector(512),
    CHECK ((member_id IS NULL) <> (embedding IS NULL))
);
CREATE INDEX instore_watch_entry_list ON instore_watch_entry (tenant_id, list_id);
CREATE INDEX instore_watch_entry_member ON instore_watch_entry (tenant_id, member_id) WHERE member_id IS NOT NULL;
SELECT facecard_isolate_by_tenant('instore_watch_entry');

-- An alert episode: one per person, store and visit window, whatever the number of frames. id orders the stream
-- (Server-Sent Events' Last-Event-ID).
CREATE TABLE instore_alert (
    id               bigserial PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    store_id         uuid NOT NULL,
    kind             text NOT NULL,
    list_id          uuid,
    entry_id         uuid,
    member_id        uuid,
    subject          text NOT NULL,
    label            text NOT NULL,
    score            double precision,
    captured_at      timestamptz NOT NULL,
    raised_at        timestamptz NOT NULL,
    acknowledged_by  text,
    acknowledged_at  timestamptz
);
CREATE INDEX instore_alert_stream ON instore_alert (tenant_id, id);
CREATE INDEX instore_alert_episode ON instore_alert (tenant_id, store_id, subject, captured_at);
SELECT facecard_isolate_by_tenant('instore_alert');

-- Who searched visits by photo (and who put a face on a list), why, and what came of it: the tenant admin reads it,
-- the member's export shows the searches that found them.
CREATE TABLE instore_audit (
    id           bigserial PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    reason       text NOT NULL,
    member_id    uuid,
    result_count integer NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX instore_audit_tenant ON instore_audit (tenant_id, id DESC);
SELECT facecard_isolate_by_tenant('instore_audit');
