-- Members and owners leave the group row: they grow with the data and change in their own events. The read tables
-- are kept by subscribing projections in the same transaction as the events, so they also serve the command side's
-- set-based checks (does the object exist, would a nesting make a cycle).
ALTER TABLE group_view DROP COLUMN owner_ids;
ALTER TABLE group_view DROP COLUMN member_ids;

CREATE TABLE group_member (
    group_id    VARCHAR(64) NOT NULL,
    member_id   VARCHAR(64) NOT NULL,
    member_type VARCHAR(8)  NOT NULL,
    CONSTRAINT group_member_pk PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_member_member_ix ON group_member (member_id);

CREATE TABLE group_owner (
    group_id VARCHAR(64) NOT NULL,
    owner_id VARCHAR(64) NOT NULL,
    CONSTRAINT group_owner_pk PRIMARY KEY (group_id, owner_id)
);
CREATE INDEX group_owner_owner_ix ON group_owner (owner_id);
