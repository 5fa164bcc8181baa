package dev.steward.directory.common;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Directory object ids are GUIDs, matched without regard to letter case: every id that enters the directory (a URL
 * path, an {@code @odata.id}, a Kafka command) is brought to lower case first, the form the directory stores.
 */
public final class ObjectIds {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ObjectIds() {
    }

    /** The id in lower case; an id that is not a GUID is left as it is (it will simply not be found). */
    public static String normalize(String id) {
        return id == null ? null : id.trim().toLowerCase(Locale.ROOT);
    }

    public static List<String> normalize(List<String> ids) {
        return ids.stream().map(ObjectIds::normalize).distinct().toList();
    }

    /** A GUID in lower case; anything else is Graph's 400 "Invalid object identifier". */
    public static String guid(String id) {
        if (id == null || !GUID.matcher(id.trim()).matches()) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_OBJECT_ID, id == null ? "" : id);
        }
        return normalize(id);
    }
}
