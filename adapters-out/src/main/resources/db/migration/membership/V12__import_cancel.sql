-- A tenant admin may stop an import. A constant default is stored in the catalogue (PostgreSQL 11+): no rewrite.
ALTER TABLE import_job ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT false;
