-- Delta imports: where the next one starts, and AD deletions.

-- The change-tracking cookie each cycle ended with: a DirSync cookie (base64) or the highestCommittedUSN read before
-- its import. A Delta starts from the cookie of the newest Succeeded cycle, if taken from the same server and scope.
CREATE TABLE change_cookie (
    cycle_id    VARCHAR(36)              NOT NULL,
    mechanism   VARCHAR(10)              NOT NULL,
    source      TEXT                     NOT NULL,
    cookie      TEXT                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_change_cookie PRIMARY KEY (cycle_id),
    CONSTRAINT fk_change_cookie_cycle FOREIGN KEY (cycle_id) REFERENCES sync_cycle (id) ON DELETE CASCADE
);

-- Set when the AD object was deleted (tombstone) or left the scope; the cloud object's deletion is pending (the
-- directory accepts no deletion from the sync engine). Cleared if the object comes back.
ALTER TABLE connector_space ADD COLUMN deleted_in_ad_at TIMESTAMP WITH TIME ZONE;
