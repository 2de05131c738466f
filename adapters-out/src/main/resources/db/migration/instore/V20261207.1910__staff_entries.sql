-- A STAFF entry is a staff account's own face, listed with that person's consent (the reference to what they signed).
-- It stops counting the moment the account is deactivated, and the sweep deletes it then (and any lapsed entry).
ALTER TABLE instore_watch_entry ADD COLUMN staff_account_id uuid;
ALTER TABLE instore_watch_entry ADD COLUMN consent_reference text;
ALTER TABLE instore_watch_entry ADD CONSTRAINT instore_watch_entry_staff_consent
    CHECK ((staff_account_id IS NULL) = (consent_reference IS NULL));
CREATE UNIQUE INDEX instore_watch_entry_staff ON instore_watch_entry (list_id, staff_account_id) WHERE staff_account_id IS NOT NULL;
