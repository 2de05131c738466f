-- Axon's JDBC saga store (PostgresSagaSqlSchema's default names): each saga instance and the
-- association values events are routed to it by. Sagas are processed by pooled streaming
-- processors, so an instance is handled by one replica at a time (its segment's token owner).
CREATE TABLE sagaentry (
    sagaid         VARCHAR(255) PRIMARY KEY,
    revision       VARCHAR(255),
    sagatype       VARCHAR(255),
    serializedsaga BYTEA
);

CREATE TABLE associationvalueentry (
    id               BIGSERIAL PRIMARY KEY,
    associationkey   VARCHAR(255),
    associationvalue VARCHAR(255),
    sagaid           VARCHAR(255),
    sagatype         VARCHAR(255)
);
CREATE INDEX associationvalueentry_saga ON associationvalueentry (sagaid, sagatype);
CREATE INDEX associationvalueentry_value ON associationvalueentry (sagatype, associationkey, associationvalue);
