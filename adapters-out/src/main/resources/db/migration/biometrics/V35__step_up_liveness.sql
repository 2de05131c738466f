-- Issue 25: a CONFIRM resolved by the phone's digits keeps the probe's liveness, so face-pay after the
-- digits is judged on the liveness the till measured. A nullable column: a catalogue change only.
ALTER TABLE face_step_up ADD COLUMN liveness DOUBLE PRECISION;
