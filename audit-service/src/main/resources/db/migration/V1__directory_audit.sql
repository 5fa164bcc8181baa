-- Audit entries projected from integration events. The entry is stored whole as JSON (entry_json, served as is);
-- the columns beside it are copies of the fields $filter and $orderby work on. Runs on PostgreSQL 15 and on H2 2.x
-- in PostgreSQL mode.
CREATE TABLE directory_audit (
    id                    VARCHAR(100)             NOT NULL,
    activity_date_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    activity_display_name VARCHAR                  NOT NULL,
    category              VARCHAR                  NOT NULL,
    correlation_id        VARCHAR                  NOT NULL,
    audit_result          VARCHAR(20)              NOT NULL,
    logged_by_service     VARCHAR                  NOT NULL,
    operation_type        VARCHAR,
    initiated_by_user_id  VARCHAR,
    initiated_by_user_upn VARCHAR,
    initiated_by_app_id   VARCHAR,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_json            TEXT                     NOT NULL,
    CONSTRAINT directory_audit_pk PRIMARY KEY (id)
);

CREATE INDEX directory_audit_time_ix ON directory_audit (activity_date_time, id);
CREATE INDEX directory_audit_activity_ix ON directory_audit (activity_display_name, activity_date_time);
CREATE INDEX directory_audit_category_ix ON directory_audit (category, activity_date_time);
CREATE INDEX directory_audit_correlation_ix ON directory_audit (correlation_id);
CREATE INDEX directory_audit_service_ix ON directory_audit (logged_by_service, activity_date_time);
CREATE INDEX directory_audit_user_id_ix ON directory_audit (initiated_by_user_id);
CREATE INDEX directory_audit_user_upn_ix ON directory_audit (initiated_by_user_upn);
CREATE INDEX directory_audit_app_id_ix ON directory_audit (initiated_by_app_id);

-- One row per target resource of an entry, for targetResources/any(...) filters.
CREATE TABLE directory_audit_target (
    audit_id     VARCHAR(100) NOT NULL,
    target_index INTEGER      NOT NULL,
    target_id    VARCHAR,
    display_name VARCHAR,
    CONSTRAINT directory_audit_target_pk PRIMARY KEY (audit_id, target_index),
    CONSTRAINT directory_audit_target_entry_fk FOREIGN KEY (audit_id) REFERENCES directory_audit (id) ON DELETE CASCADE
);

CREATE INDEX directory_audit_target_id_ix ON directory_audit_target (target_id);
CREATE INDEX directory_audit_target_name_ix ON directory_audit_target (display_name);
