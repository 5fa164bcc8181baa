-- The outbox is the platform's (dev.steward.platform.outbox): rows are marked sent and pruned after a retention instead
-- of deleted at once, a message is stored once per id, and a message that can never be sent is parked. Rows queued
-- before this version get a placeholder id (they are published with the id in their payload).
ALTER TABLE outbox_message ADD COLUMN message_id VARCHAR(100);
UPDATE outbox_message SET message_id = 'queued-before-v4-' || id WHERE message_id IS NULL;
ALTER TABLE outbox_message ALTER COLUMN message_id SET NOT NULL;
ALTER TABLE outbox_message ADD COLUMN sent_at TIMESTAMP;
ALTER TABLE outbox_message ADD COLUMN refused_at TIMESTAMP;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_id UNIQUE (message_id);
CREATE INDEX outbox_message_pending ON outbox_message (sent_at, id);
