package dev.steward.directory.settings.api;

/** A tenant-wide group setting was created, with all its values. */
public record GroupSettingCreated(String tenantId, GroupSetting setting) {
}
