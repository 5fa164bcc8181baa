-- Runs on PostgreSQL 15 and on H2 2.4 in PostgreSQL mode (the quickstart): portable types only.

-- The tenant's My Groups settings (DOMAIN.md §4), one row, read on every call so that a change is effective at once.
CREATE TABLE tenant_settings (
    id                         INTEGER      NOT NULL PRIMARY KEY,
    owners_can_manage_requests BOOLEAN      NOT NULL,
    restrict_groups_access     BOOLEAN      NOT NULL,
    restrict_security_groups   BOOLEAN      NOT NULL,
    updated_at                 TIMESTAMP,
    updated_by                 VARCHAR(100)
);
INSERT INTO tenant_settings (id, owners_can_manage_requests, restrict_groups_access, restrict_security_groups)
VALUES (1, TRUE, FALSE, FALSE);
