-- Runs on PostgreSQL 15 and on H2 2.4 in PostgreSQL mode (the quickstart): portable types only.

-- A request's life after it was made: its expiry and reminder, who decided it and why, and what the directory answered
-- to the member add an approval sent. Rows made before this version get no expires_at: the expiry job counts their
-- expiry from created_date_time.
ALTER TABLE membership_request ADD COLUMN expires_at TIMESTAMP;
ALTER TABLE membership_request ADD COLUMN reminded_at TIMESTAMP;
ALTER TABLE membership_request ADD COLUMN decided_by_id VARCHAR(100);
ALTER TABLE membership_request ADD COLUMN decided_date_time TIMESTAMP;
ALTER TABLE membership_request ADD COLUMN decision_reason VARCHAR(1000);
ALTER TABLE membership_request ADD COLUMN add_command_id VARCHAR(36);
ALTER TABLE membership_request ADD COLUMN add_error_code VARCHAR(100);
ALTER TABLE membership_request ADD COLUMN add_error_message VARCHAR(1000);
ALTER TABLE membership_request ADD COLUMN completed_date_time TIMESTAMP;
CREATE INDEX membership_request_by_status ON membership_request (status, expires_at);

-- Member adds and removals for the directory (AddMembers, RemoveMembers on steward.directory.commands), written in the
-- transaction of the decision that caused them and sent with the service's own token by the dispatcher: the token
-- is obtained when sending and never stored. status: Queued, Sent, Succeeded, Rejected (the directory's answer).
CREATE TABLE directory_command (
    command_id    VARCHAR(36)   NOT NULL PRIMARY KEY,
    command_type  VARCHAR(100)  NOT NULL,
    group_id      VARCHAR(100)  NOT NULL,
    member_id     VARCHAR(100)  NOT NULL,
    request_id    VARCHAR(36),
    initiator_id  VARCHAR(100),
    payload       TEXT          NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    sent_at       TIMESTAMP,
    attempts      INTEGER       NOT NULL,
    last_error    VARCHAR(1000),
    error_code    VARCHAR(100),
    error_message VARCHAR(1000),
    completed_at  TIMESTAMP
);
CREATE INDEX directory_command_by_status ON directory_command (status, created_at);

-- How users join a group in My Groups: Open, OwnerApproval or Closed. Set from the group's kind when the directory
-- announces it (GroupCreated) and again when its Source of Authority moves to the cloud; owners change it.
ALTER TABLE directory_group ADD COLUMN join_policy VARCHAR(20);
