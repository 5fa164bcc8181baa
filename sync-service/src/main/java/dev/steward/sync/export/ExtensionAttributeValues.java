package dev.steward.sync.export;

import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * A user's or group's extension attributes among its exported values: only those AD has set, and none at all when
 * none is, so an object without any keeps the values (and hash) it had before the sync engine read them.
 */
final class ExtensionAttributeValues {

    static final String PROPERTY = "onPremisesExtensionAttributes";

    private ExtensionAttributeValues() {
    }

    static void putInto(SortedMap<String, Object> values, OnPremisesExtensionAttributes attributes) {
        if (!attributes.anySet()) {
            return;
        }
        Map<String, String> set = new LinkedHashMap<>();
        attributes.asMap().forEach((name, value) -> {
            if (value != null) {
                set.put(name, value);
            }
        });
        values.put(PROPERTY, set);
    }
}
