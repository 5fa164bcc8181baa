package dev.steward.directory.group.api;

import java.util.List;

/**
 * A group's properties changed, by a sync cycle ({@code bySync}) or by a cloud edit. {@code group} is the state
 * after the change; a sync that takes a rolled-back group over again shows {@code onPremisesSyncEnabled} going
 * from null to true.
 */
public record GroupUpdated(GroupState group, List<PropertyChange> changes, boolean bySync) {

    public GroupUpdated {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
