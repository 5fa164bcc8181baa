package dev.steward.sync.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of one export as canonical JSON (keys sorted) and its SHA-256: the connector space keeps both, the
 * hash to find changes, the JSON to say what changed.
 */
public record ExportedValues(String json, String hash) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ExportedValues of(SortedMap<String, Object> values) {
        String json = JSON.writeValueAsString(values);
        return new ExportedValues(json, sha256(json));
    }

    /** Reads JSON written by {@link #of}; null or empty text gives an empty map. */
    public static SortedMap<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return new TreeMap<>();
        }
        return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
    }

    /** Properties whose values differ, each with its old and new value as JSON text (Graph's modifiedProperties). */
    public static List<Map<String, String>> differences(SortedMap<String, Object> before, SortedMap<String, Object> after) {
        TreeMap<String, Object> keys = new TreeMap<>(before);
        keys.putAll(after);
        List<Map<String, String>> changes = new ArrayList<>();
        for (String key : keys.keySet()) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (!Objects.equals(old, now)) {
                Map<String, String> change = new LinkedHashMap<>();
                change.put("displayName", key);
                change.put("oldValue", JSON.writeValueAsString(old));
                change.put("newValue", JSON.writeValueAsString(now));
                changes.add(change);
            }
        }
        return changes;
    }

    /** {@code values} with the membership as {@code memberIds} and {@code ownerIds}: a group's whole state, to compare. */
    public static SortedMap<String, Object> withMembership(SortedMap<String, Object> values, Membership membership) {
        SortedMap<String, Object> all = new TreeMap<>(values);
        all.put("memberIds", membership.memberIds());
        all.put("ownerIds", membership.ownerIds());
        return all;
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static <T> T fromJson(String json, TypeReference<T> type) {
        return JSON.readValue(json, type);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
