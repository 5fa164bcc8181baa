package dev.steward.directory.settings.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set some values of a setting (by name); the others keep theirs. */
public record UpdateGroupSetting(@TargetAggregateIdentifier String tenantId, String settingId,
                                 List<SettingValue> values) {

    public UpdateGroupSetting {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
