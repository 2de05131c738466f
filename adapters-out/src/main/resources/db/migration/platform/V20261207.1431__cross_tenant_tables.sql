-- The tables with a tenant_id that row-level security does not bind, each with the reason, in the catalogue itself:
-- RowLevelSecurityIT holds every other tenant table to facecard_isolate_by_tenant's policy, so a new table is either
-- isolated or says here (or in its own migration) why it is read across tenants.
COMMENT ON TABLE campaign_due IS 'cross-tenant: the campaign runner''s due list of every tenant; each step binds its campaign''s tenant';
COMMENT ON TABLE outbox_message IS 'cross-tenant: the dispatcher claims due messages of every tenant in one statement, fairly per tenant';
COMMENT ON TABLE outbox_mass_job IS 'cross-tenant: WeChat mass sends are claimed by the dispatcher across tenants';
COMMENT ON TABLE payment_due IS 'cross-tenant: the payment worker''s due list of every tenant; each step binds its payment''s tenant';
COMMENT ON TABLE payment_notification IS 'cross-tenant: a provider''s notice arrives unauthenticated and is matched by its signature before any tenant is known';
COMMENT ON TABLE payment_webhook IS 'cross-tenant: a provider''s callback names an account, not a tenant; the account''s signature is checked first';
COMMENT ON TABLE messenger_webhook IS 'cross-tenant: a messenger''s callback names an account, not a tenant; its signature is checked first';
COMMENT ON TABLE failed_login IS 'cross-tenant: login throttling counts failures before anyone is authenticated';
COMMENT ON TABLE tenant_slug IS 'cross-tenant: a login resolves the slug to its tenant before any tenant is bound';
COMMENT ON TABLE terminal_key IS 'cross-tenant: a till''s API key is resolved to its tenant before any tenant is bound';
COMMENT ON TABLE tenant_history IS 'cross-tenant: the operator''s record of every tenant''s lifecycle';
