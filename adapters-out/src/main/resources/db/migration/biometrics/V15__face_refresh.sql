-- Issue 12 point 3: templates refreshed from till photos. Nullable columns without defaults (catalogue
-- changes): no maintenance window; face_template's takes a brief lock on the parent and its partitions
-- at start-up, like V9/V10 (an open bulk insert makes the start wait, not the tills).
ALTER TABLE face_template ADD COLUMN source VARCHAR(16);           -- null: an enrolment photo; TILL: refreshed
ALTER TABLE face_settings ADD COLUMN refresh_from_till BOOLEAN;
-- A CONFIRM's probe, kept only while its token can still be confirmed (opted-in tenants only).
ALTER TABLE face_step_up ADD COLUMN probe TEXT;
