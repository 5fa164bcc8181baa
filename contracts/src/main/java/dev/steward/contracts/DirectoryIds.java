package dev.steward.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Cloud object ids of objects synced from AD. The id is derived from the AD anchor (objectGUID), so every
 * sync cycle, every service and every tool computes the same id without a lookup, and a re-run of a cycle is
 * idempotent.
 */
public final class DirectoryIds {

    private DirectoryIds() {
    }

    /** The cloud id of the object whose AD objectGUID is {@code objectGuid} (canonical UUID text). */
    public static String fromAnchor(String objectGuid) {
        String canonical = UUID.fromString(objectGuid).toString().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(("steward:ad:" + canonical).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
