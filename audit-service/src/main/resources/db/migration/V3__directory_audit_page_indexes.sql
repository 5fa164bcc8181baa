-- Indexes for a page of entries at a million entries and more: every equality filter of $filter is answered by an
-- index on (the column, activity_date_time, id), so "column = ? AND (activity_date_time, id) < (?, ?) ORDER BY
-- activity_date_time DESC, id DESC LIMIT 101" (a page, also deep in the log) is one range of one index. result
-- gets its first index (its rare value, failure, would otherwise be looked for along the whole time index); the
-- others replace narrower ones. Runs on PostgreSQL 15 and on H2 2.x in PostgreSQL mode.
CREATE INDEX directory_audit_result_ix ON directory_audit (audit_result, activity_date_time, id);

DROP INDEX directory_audit_activity_ix;
CREATE INDEX directory_audit_activity_ix ON directory_audit (activity_display_name, activity_date_time, id);
DROP INDEX directory_audit_category_ix;
CREATE INDEX directory_audit_category_ix ON directory_audit (category, activity_date_time, id);
DROP INDEX directory_audit_service_ix;
CREATE INDEX directory_audit_service_ix ON directory_audit (logged_by_service, activity_date_time, id);
DROP INDEX directory_audit_user_id_ix;
CREATE INDEX directory_audit_user_id_ix ON directory_audit (initiated_by_user_id, activity_date_time, id);
DROP INDEX directory_audit_user_upn_ix;
CREATE INDEX directory_audit_user_upn_ix ON directory_audit (initiated_by_user_upn, activity_date_time, id);
DROP INDEX directory_audit_app_id_ix;
CREATE INDEX directory_audit_app_id_ix ON directory_audit (initiated_by_app_id, activity_date_time, id);

-- targetResources/any(...) finds the entries of a target from its rows alone.
DROP INDEX directory_audit_target_id_ix;
CREATE INDEX directory_audit_target_id_ix ON directory_audit_target (target_id, audit_id);
DROP INDEX directory_audit_target_name_ix;
CREATE INDEX directory_audit_target_name_ix ON directory_audit_target (display_name, audit_id);
