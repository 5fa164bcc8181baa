-- The tenant's authorizationPolicy (one row once it was first changed; Entra's defaults until then) and its
-- tenant-wide group settings, kept by the subscribing tenant-settings projection. JSON text columns.
CREATE TABLE authorization_policy_view (
    id                VARCHAR(64)  NOT NULL,
    policy            VARCHAR      NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    CONSTRAINT authorization_policy_view_pk PRIMARY KEY (id)
);

CREATE TABLE group_setting_view (
    id                VARCHAR(64)  NOT NULL,
    template_id       VARCHAR(64)  NOT NULL,
    display_name      VARCHAR(256) NOT NULL,
    setting_values    VARCHAR      NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    CONSTRAINT group_setting_view_pk PRIMARY KEY (id)
);

-- What a user created in the cloud has beyond a synced one (null for users synced from AD).
ALTER TABLE user_view ADD COLUMN mail_nickname VARCHAR(64);
ALTER TABLE user_view ADD COLUMN account_enabled BOOLEAN;
