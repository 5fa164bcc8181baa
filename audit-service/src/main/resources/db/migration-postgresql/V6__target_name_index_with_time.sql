-- The display name's index of the target rows with their entry's time (see V5), keeping V4's pattern operator
-- class for startswith under the C.UTF-8 collation. PostgreSQL only; H2 has its own V6.
DROP INDEX directory_audit_target_name_ix;
CREATE INDEX directory_audit_target_name_ix
    ON directory_audit_target (display_name varchar_pattern_ops, activity_date_time, audit_id);
