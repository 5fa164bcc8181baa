package dev.steward.directory.settings.api;

/** A group setting's values changed; {@code setting} is the setting after the change. */
public record GroupSettingUpdated(String tenantId, GroupSetting setting) {
}
