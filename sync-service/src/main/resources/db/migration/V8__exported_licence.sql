-- Licences synced from AD (steward.sync.licences.attribute): per user, the SKU ids the sync engine added and the
-- directory confirmed. Only these are ever removed by the sync engine; licences assigned in the cloud are not here.
CREATE TABLE exported_licence (
    anchor  VARCHAR(36) NOT NULL,
    sku_id  VARCHAR(36) NOT NULL,
    CONSTRAINT pk_exported_licence PRIMARY KEY (anchor, sku_id)
);

-- An AssignLicense command keeps its change here (as JSON) until the directory answers.
ALTER TABLE export_command ADD COLUMN licence_change TEXT;
