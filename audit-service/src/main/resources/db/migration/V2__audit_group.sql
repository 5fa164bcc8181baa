-- The display name and group type of each group, kept from GroupCreated and GroupUpdated: member and owner events
-- carry only the group's id. state_version is the occurredAt of the snapshot the row holds, so an older snapshot
-- delivered late does not overwrite a newer name. A GroupDeleted removes the row. Runs on PostgreSQL 15 and on H2 2.x
-- in PostgreSQL mode.
CREATE TABLE audit_group (
    group_id      VARCHAR(100)             NOT NULL,
    display_name  VARCHAR,
    group_type    VARCHAR(20),
    state_version TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_group_pk PRIMARY KEY (group_id)
);
