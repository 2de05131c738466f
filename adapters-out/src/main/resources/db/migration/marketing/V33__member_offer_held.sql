-- Issue 15: the live holds of a campaign's offers, counted against its budget when a till holds or redeems one.
-- Built CONCURRENTLY outside a transaction (see its .conf): tills keep applying offers while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS member_offer_held ON member_offer (campaign_id) WHERE held_by IS NOT NULL;
