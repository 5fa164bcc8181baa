package dev.steward.directory.settings.api;

/** A group setting was deleted; its template's defaults apply again. */
public record GroupSettingDeleted(String tenantId, String settingId, String templateId) {
}
