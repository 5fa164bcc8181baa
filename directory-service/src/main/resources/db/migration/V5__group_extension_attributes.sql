-- AD's extensionAttribute1..15 of a group AD masters (Graph's onPremisesExtensionAttributes), as a JSON object;
-- NULL when none is set: every cloud group, and a group whose Source of Authority moved to the cloud.
ALTER TABLE group_view ADD COLUMN on_premises_extension_attributes VARCHAR;
