-- Issue 12 point 6: liveness settings per tenant. Nullable columns (a catalogue change): no maintenance window.
ALTER TABLE face_settings ADD COLUMN liveness_for_loyalty BOOLEAN;
ALTER TABLE face_settings ADD COLUMN liveness_for_payments BOOLEAN;
ALTER TABLE face_settings ADD COLUMN min_liveness DOUBLE PRECISION;
