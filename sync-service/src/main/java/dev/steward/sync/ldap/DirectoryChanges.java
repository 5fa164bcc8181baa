package dev.steward.sync.ldap;

import java.util.List;
import java.util.Set;

/**
 * One import of a cycle.
 *
 * @param read        a full read ({@code fullRead}) or the changed objects in scope, each read whole (all values,
 *                    every member)
 * @param changed     what the directory reported changed (empty for a full read)
 * @param deleted     anchors of deleted objects (tombstones)
 * @param outOfScope  anchors reported changed (or asked for) that are no longer users or groups in scope
 * @param cookie      where the next Delta starts; null when the server offers no change tracking
 */
public record DirectoryChanges(DirectoryRead read, boolean fullRead, List<ChangedObject> changed, Set<String> deleted,
                               Set<String> outOfScope, ChangeCookie cookie) {

    public DirectoryChanges {
        changed = List.copyOf(changed);
        deleted = Set.copyOf(deleted);
        outOfScope = Set.copyOf(outOfScope);
    }

    public static DirectoryChanges full(DirectoryRead read, ChangeCookie cookie) {
        return new DirectoryChanges(read, true, List.of(), Set.of(), Set.of(), cookie);
    }
}
