-- Issue 15: the member summary also answers recency (the last purchase day) and 12-month frequency, so the
-- commonest RFM leaves read one row per member. Columns with a constant default: a catalogue change only.
ALTER TABLE mkt_member_spend ADD COLUMN purchases_12m INT NOT NULL DEFAULT 0;
ALTER TABLE mkt_member_spend ADD COLUMN last_day DATE;
