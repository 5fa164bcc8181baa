-- The display name's index of the target rows with their entry's time (see V5). H2 only; PostgreSQL has its own V6
-- with a pattern operator class.
DROP INDEX directory_audit_target_name_ix;
CREATE INDEX directory_audit_target_name_ix ON directory_audit_target (display_name, activity_date_time, audit_id);
