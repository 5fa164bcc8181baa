-- Runs on PostgreSQL 15 and on H2 2.4 in PostgreSQL mode (the quickstart): portable types only.

-- Owners and members now arrive as per-row changes (OwnersAdded/Removed, MembersAdded/Removed) instead of whole
-- lists in group snapshots. A GroupDeleted removes the group from every group it was a member of: look those rows
-- up by member.
CREATE INDEX directory_group_member_by_member ON directory_group_member (member_id);
