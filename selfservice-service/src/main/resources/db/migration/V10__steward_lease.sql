-- Platform's database leases (DatabaseLeases, platform/README.md): with several instances only the holder of
-- 'outbox-relay' publishes the outbox, and only the holder of 'directory-commands' sends queued directory commands.
CREATE TABLE steward_lease (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    holder     VARCHAR(200),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
