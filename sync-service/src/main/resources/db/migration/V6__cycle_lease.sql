-- One sync cycle at a time across every instance of the sync engine: the instance holding the 'cycle-runner' lease
-- runs the queued cycles (renewing it while it runs); 'cycle-queue' is locked (SELECT ... FOR UPDATE) while a request
-- checks the queue and adds to it.
CREATE TABLE sync_lease (
    name       VARCHAR(40)              NOT NULL,
    holder     VARCHAR(200),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sync_lease PRIMARY KEY (name)
);

INSERT INTO sync_lease (name, holder, expires_at) VALUES ('cycle-runner', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO sync_lease (name, holder, expires_at) VALUES ('cycle-queue', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');

-- Which instance runs the cycle, and how far it is (saved while it runs).
ALTER TABLE sync_cycle ADD COLUMN runner VARCHAR(200);
ALTER TABLE sync_cycle ADD COLUMN progress_phase VARCHAR(20);
ALTER TABLE sync_cycle ADD COLUMN progress_processed INTEGER;
ALTER TABLE sync_cycle ADD COLUMN progress_total INTEGER;
ALTER TABLE sync_cycle ADD COLUMN progress_errors INTEGER;
ALTER TABLE sync_cycle ADD COLUMN progress_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_sync_cycle_status ON sync_cycle (status, seq);

-- The values the connector space held before an export, so a refused export puts them back (the directory kept them).
ALTER TABLE export_command ADD COLUMN previous_values TEXT;
