-- AD's extensionAttribute1..15 of a user synced from AD (Graph's onPremisesExtensionAttributes on users), as a JSON
-- object; NULL when none is set, and for every cloud user. (8.1: leaves version 8 to a migration made at the same time.)
ALTER TABLE user_view ADD COLUMN on_premises_extension_attributes VARCHAR;
