-- startswith(...) of $filter is LIKE 'prefix%'. PostgreSQL answers it from a B-tree only with a pattern operator
-- class when the column's collation is not "C" (C.UTF-8, this project's default, does not count as "C" before
-- PostgreSQL 17): without one, startswith(initiatedBy/user/userPrincipalName,...) read every match's row and sorted
-- them. These replace the plain indexes of the three columns startswith works on; equality uses them as well.
-- PostgreSQL only (location db/migration-{vendor}); on H2 the plain indexes of V3 and V1 stay.
DROP INDEX directory_audit_activity_ix;
CREATE INDEX directory_audit_activity_ix
    ON directory_audit (activity_display_name varchar_pattern_ops, activity_date_time, id);
DROP INDEX directory_audit_user_upn_ix;
CREATE INDEX directory_audit_user_upn_ix
    ON directory_audit (initiated_by_user_upn varchar_pattern_ops, activity_date_time, id);
DROP INDEX directory_audit_target_name_ix;
CREATE INDEX directory_audit_target_name_ix ON directory_audit_target (display_name varchar_pattern_ops, audit_id);
