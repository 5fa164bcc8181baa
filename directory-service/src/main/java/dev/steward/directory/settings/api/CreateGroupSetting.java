package dev.steward.directory.settings.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the tenant's setting of a template; values not given take the template's defaults. */
public record CreateGroupSetting(@TargetAggregateIdentifier String tenantId, String settingId, String templateId,
                                 List<SettingValue> values) {

    public CreateGroupSetting {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
