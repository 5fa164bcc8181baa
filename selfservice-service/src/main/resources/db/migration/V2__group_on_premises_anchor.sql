-- Runs on PostgreSQL 15 and on H2 2.4 in PostgreSQL mode (the quickstart): portable types only.

-- The AD objectGUID a group is synced from (GroupSnapshot.onPremisesAnchor, SourceOfAuthorityChanged.onPremisesAnchor);
-- NULL for a group created in the cloud. It tells a group whose Source of Authority was rolled back to AD
-- (isCloudManaged false, onPremisesSyncEnabled null until the next sync cycle) from a cloud group in the same state.
-- Rows projected before this column existed get it from the group's next GroupUpdated or SourceOfAuthorityChanged;
-- until then they are judged by onPremisesSyncEnabled alone, as before.
ALTER TABLE directory_group ADD COLUMN on_premises_anchor VARCHAR(100);
