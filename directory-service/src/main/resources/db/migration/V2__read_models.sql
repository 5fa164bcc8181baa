-- Read models of the HTTP API, kept by pooled streaming projections. aggregate_version is the sequence number
-- of the last event applied (idempotent replays; requests wait for their own writes by it).
CREATE TABLE group_view (
    id                              VARCHAR(64)  NOT NULL,
    display_name                    VARCHAR(256),
    description                     VARCHAR,
    mail_nickname                   VARCHAR(64),
    mail                            VARCHAR(320),
    mail_enabled                    BOOLEAN      NOT NULL,
    security_enabled                BOOLEAN      NOT NULL,
    group_types                     VARCHAR,
    visibility                      VARCHAR(32),
    created_date_time               TIMESTAMP,
    on_premises_sync_enabled        BOOLEAN,
    cloud_managed                   BOOLEAN      NOT NULL,
    on_premises_anchor              VARCHAR(64),
    on_premises_security_identifier VARCHAR(256),
    on_premises_sam_account_name    VARCHAR(256),
    on_premises_domain_name         VARCHAR(256),
    on_premises_net_bios_name       VARCHAR(256),
    on_premises_distinguished_name  VARCHAR,
    on_premises_last_sync_date_time TIMESTAMP,
    security_identifier             VARCHAR(256),
    owner_ids                       VARCHAR,
    member_ids                      VARCHAR,
    aggregate_version               BIGINT       NOT NULL,
    CONSTRAINT group_view_pk PRIMARY KEY (id)
);
CREATE INDEX group_view_display_name_ix ON group_view (display_name);

CREATE TABLE user_view (
    id                              VARCHAR(64)  NOT NULL,
    user_principal_name             VARCHAR(320),
    display_name                    VARCHAR(256),
    mail                            VARCHAR(320),
    created_date_time               TIMESTAMP,
    on_premises_anchor              VARCHAR(64),
    on_premises_security_identifier VARCHAR(256),
    on_premises_sam_account_name    VARCHAR(256),
    on_premises_distinguished_name  VARCHAR,
    on_premises_last_sync_date_time TIMESTAMP,
    aggregate_version               BIGINT       NOT NULL,
    CONSTRAINT user_view_pk PRIMARY KEY (id)
);
CREATE INDEX user_view_upn_ix ON user_view (user_principal_name);

-- One row per command consumed from steward.directory.commands: the duplicate check and the stored result.
CREATE TABLE command_outcome (
    command_id       VARCHAR(64)   NOT NULL,
    command_type     VARCHAR(100)  NOT NULL,
    correlation_id   VARCHAR(255),
    aggregate_id     VARCHAR(255),
    status           VARCHAR(20)   NOT NULL,
    error_code       VARCHAR(100),
    message          VARCHAR(2000),
    completed_at     TIMESTAMP     NOT NULL,
    result_published BOOLEAN       NOT NULL,
    CONSTRAINT command_outcome_pk PRIMARY KEY (command_id)
);
