-- The chain's CRM id of a member, shown in the read model; its uniqueness is a member_claim of kind EXTERNAL.
-- Nullable without a default: a catalogue change only, no rewrite of member_view.
ALTER TABLE member_view ADD COLUMN external_id TEXT;
