package dev.steward.directory.group.command;

import dev.steward.directory.group.api.ObjectType;
import java.util.Collection;
import java.util.Map;

/**
 * What a membership command needs to know beyond its own group: which ids are users or groups, and how groups nest.
 * Injected into the group aggregate's command handlers.
 */
public interface DirectoryObjects {

    /** The type of each id that names a user or a group; unknown ids are absent from the answer. */
    Map<String, ObjectType> typesOf(Collection<String> ids);

    /** True if {@code group} is a member of {@code container}, directly or through nested groups. */
    boolean isNestedIn(String group, String container);
}
