-- Onboarding a tenant must not stall other tenants' tills. CREATE TABLE ... PARTITION OF takes an
-- ACCESS EXCLUSIVE lock on face_template: it waits behind any open transaction that touches the
-- table (one chain's bulk load), and every other tenant's identify then queues behind that waiting
-- lock. Instead the partition is made as a table of its own (with its indexes and a CHECK that lets
-- ATTACH skip its scan) and attached, which takes SHARE UPDATE EXCLUSIVE on the parent: compatible
-- with reads and writes, it only waits for another onboarding's attach. Each attempt waits at most
-- 200 ms for its lock; after 25 attempts the onboarding fails (55P03, answered as 503) and the tills
-- never waited. Runs in the onboarding transaction, so a tenant never exists without its partition.
CREATE OR REPLACE FUNCTION facecard_face_partition(t UUID) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    p TEXT := 'face_template_' || replace(t::text, '-', '');
    timeout TEXT := current_setting('lock_timeout');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'face_template'::regclass AND c.relname = p) THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I (LIKE face_template INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)', p);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT IF EXISTS %I', p, p || '_tenant');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (tenant_id IS NOT NULL AND tenant_id = %L)', p, p || '_tenant', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)',
                   p || '_hnsw', p);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (member_id)', p || '_member', p);
    FOR attempt IN 1..25 LOOP
        BEGIN
            PERFORM set_config('lock_timeout', '200ms', true);
            EXECUTE format('ALTER TABLE face_template ATTACH PARTITION %I FOR VALUES IN (%L)', p, t);
            PERFORM set_config('lock_timeout', timeout, true);
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            PERFORM set_config('lock_timeout', timeout, true);
            PERFORM pg_sleep(0.02 * attempt);
        END;
    END LOOP;
    RAISE EXCEPTION 'the face partition of tenant % could not be attached now: face_template is busy', t
        USING ERRCODE = 'lock_not_available';
END $$;
