-- Issue 14: the member's preferred channel. A column with a constant default: a catalogue change only, no maintenance window.
ALTER TABLE channel_binding ADD COLUMN preferred BOOLEAN NOT NULL DEFAULT false;
