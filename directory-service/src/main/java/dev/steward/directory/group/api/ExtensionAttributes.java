package dev.steward.directory.group.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AD's {@code extensionAttribute1} .. {@code extensionAttribute15} of a group AD masters, Graph's
 * {@code onPremisesExtensionAttributes}; null where AD has no value. Cloud groups do not support them: a group loses
 * them when its Source of Authority moves to the cloud, and a sync that takes it over again brings AD's back.
 * The directory's own type, stored in its events; the contract's {@code OnPremisesExtensionAttributes} is the wire
 * form, mapped at the edges.
 */
public record ExtensionAttributes(
        String extensionAttribute1,
        String extensionAttribute2,
        String extensionAttribute3,
        String extensionAttribute4,
        String extensionAttribute5,
        String extensionAttribute6,
        String extensionAttribute7,
        String extensionAttribute8,
        String extensionAttribute9,
        String extensionAttribute10,
        String extensionAttribute11,
        String extensionAttribute12,
        String extensionAttribute13,
        String extensionAttribute14,
        String extensionAttribute15) {

    /** How many extension attributes AD has. */
    public static final int COUNT = 15;
    /** No attribute set. */
    public static final ExtensionAttributes NONE = of(Collections.<String>nCopies(COUNT, null));

    /** From the values of attributes 1 to 15, in order (null for an attribute not set). */
    public static ExtensionAttributes of(List<String> values) {
        if (values.size() != COUNT) {
            throw new IllegalArgumentException("expected " + COUNT + " extension attributes, got " + values.size());
        }
        return new ExtensionAttributes(
                values.get(0), values.get(1), values.get(2), values.get(3), values.get(4), values.get(5),
                values.get(6), values.get(7), values.get(8), values.get(9), values.get(10), values.get(11),
                values.get(12), values.get(13), values.get(14));
    }

    /** {@code value} itself, or {@link #NONE} for null (an event stored before the directory knew them). */
    public static ExtensionAttributes orNone(ExtensionAttributes value) {
        return value == null ? NONE : value;
    }

    /** The property name of attribute {@code number} (1 to 15): {@code extensionAttribute<number>}. */
    public static String name(int number) {
        return "extensionAttribute" + number;
    }

    /** The values of attributes 1 to 15, in order, nulls included. */
    public List<String> values() {
        return Collections.unmodifiableList(Arrays.asList(
                extensionAttribute1, extensionAttribute2, extensionAttribute3, extensionAttribute4,
                extensionAttribute5, extensionAttribute6, extensionAttribute7, extensionAttribute8,
                extensionAttribute9, extensionAttribute10, extensionAttribute11, extensionAttribute12,
                extensionAttribute13, extensionAttribute14, extensionAttribute15));
    }

    /** Attribute name to value, 1 to 15 in order, nulls included: the shape of Graph's JSON object. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> values = values();
        for (int i = 0; i < COUNT; i++) {
            map.put(name(i + 1), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    /** True when at least one attribute has a value. */
    public boolean anySet() {
        return values().stream().anyMatch(Objects::nonNull);
    }
}
