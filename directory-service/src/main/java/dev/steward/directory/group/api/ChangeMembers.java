package dev.steward.directory.group.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A cloud write to a group's direct members or owners: Graph's {@code members/$ref}, {@code owners/$ref},
 * {@code members@odata.bind}. All or nothing: one id that cannot be added or removed refuses the whole command.
 */
public record ChangeMembers(@TargetAggregateIdentifier String groupId, Relation relation, Change change,
                           List<String> ids) implements ReferencesObjects {

    public enum Relation { MEMBERS, OWNERS }

    public enum Change { ADD, REMOVE }

    public ChangeMembers {
        ids = List.copyOf(ids);
    }

    @Override
    public List<String> referencedIds() {
        return change == Change.ADD ? ids : List.of();
    }
}
