package dev.steward.directory.common;

import java.util.Set;

/** Which properties a write names that it may not set, in Graph's order of refusal. */
public final class SettableProperties {

    private SettableProperties() {
    }

    /**
     * Refuses read-only properties first ("Property 'x' is read-only and cannot be set."), then anything the request
     * cannot set ("Property 'x' cannot be set by this request."); the first name in alphabetical order is named.
     */
    public static void check(Set<String> properties, Set<String> readOnly, Set<String> settable) {
        properties.stream().filter(readOnly::contains).sorted().findFirst().ifPresent(name -> {
            throw new DirectoryException(DirectoryErrorCode.READ_ONLY_PROPERTY, name);
        });
        properties.stream().filter(name -> !settable.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_PROPERTY, name);
        });
    }
}
