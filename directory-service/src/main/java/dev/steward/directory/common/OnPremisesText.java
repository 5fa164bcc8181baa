package dev.steward.directory.common;

import dev.steward.platform.text.SafeText;
import java.util.Map;

/**
 * Text the sync engine read from AD, checked like every other stored text before it becomes a command: AD lets a
 * control character into some attributes, and a NUL stored in an event could never be applied by a PostgreSQL
 * projection. Such a sync is refused with the property's name (the sync engine records the refusal), as a Graph
 * write with the same value is; line breaks and tabs are allowed (descriptions, addresses).
 */
public final class OnPremisesText {

    private OnPremisesText() {
    }

    /** @throws DirectoryException (invalid property value) naming the property when its text is not safe */
    public static void check(String property, String value) {
        if (!SafeText.isSafe(value, true)) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_PROPERTY_VALUE, property);
        }
    }

    /** {@link #check(String, String)} of each value, by its property name (null values are fine). */
    public static void check(Map<String, String> textByProperty) {
        textByProperty.forEach(OnPremisesText::check);
    }
}
