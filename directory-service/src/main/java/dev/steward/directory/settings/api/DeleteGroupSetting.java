package dev.steward.directory.settings.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a setting: its template's defaults apply again. */
public record DeleteGroupSetting(@TargetAggregateIdentifier String tenantId, String settingId) {
}
