-- Runs on PostgreSQL 15 and on H2 2.4 in PostgreSQL mode (the quickstart): portable types only.
-- Numbered 7.1 so that it sorts after any V7 another change adds.

-- The SKU ids of the licences a user holds (directory.UserLicensesChanged), space-separated; NULL when the directory
-- never announced any. licenses_version: occurredAt of the last licence event applied.
ALTER TABLE directory_user ADD COLUMN assigned_sku_ids VARCHAR(4000);
ALTER TABLE directory_user ADD COLUMN licenses_version TIMESTAMP;

-- The second approval stage of a group's join policy: after an owner approves, a member of this group must approve.
ALTER TABLE directory_group ADD COLUMN second_stage_group_id VARCHAR(100);

-- A request's second stage: the approver group it waits for, and who approved its first stage.
ALTER TABLE membership_request ADD COLUMN second_stage_group_id VARCHAR(100);
ALTER TABLE membership_request ADD COLUMN first_stage_decided_by_id VARCHAR(100);
ALTER TABLE membership_request ADD COLUMN first_stage_decided_date_time TIMESTAMP;
CREATE INDEX membership_request_by_second_stage ON membership_request (second_stage_group_id, status);
