-- Members and owners travel as differences (SyncGroupMembership chunks), no longer inside the exported values.

-- Per group, the members and owners the directory confirmed (a chunk it answered SUCCEEDED): what the cloud holds,
-- and what the next cycle's differences are computed against.
CREATE TABLE exported_reference (
    anchor    VARCHAR(36) NOT NULL,
    relation  VARCHAR(10) NOT NULL,
    cloud_id  VARCHAR(36) NOT NULL,
    CONSTRAINT pk_exported_reference PRIMARY KEY (anchor, relation, cloud_id)
);

-- A SyncGroupMembership command keeps its chunk here (as JSON) until the directory answers; it has no exported hash.
ALTER TABLE export_command ADD COLUMN membership_change TEXT;
ALTER TABLE export_command ALTER COLUMN exported_hash DROP NOT NULL;
CREATE INDEX ix_export_command_cycle_anchor ON export_command (cycle_id, anchor);
