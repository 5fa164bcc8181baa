package dev.steward.sync.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExportedValuesTest {

    @Test
    void differencesListChangedPropertiesWithJsonValues() {
        SortedMap<String, Object> before = new TreeMap<>(Map.of("displayName", "Old", "groupTypes", List.of("a")));
        SortedMap<String, Object> after = new TreeMap<>(Map.of("displayName", "New", "groupTypes", List.of("a")));
        after.put("description", null);

        assertThat(ExportedValues.differences(before, after)).containsExactly(
                Map.of("displayName", "displayName", "oldValue", "\"Old\"", "newValue", "\"New\""));
    }

    @Test
    void storedJsonReadsBackToTheSameValues() {
        SortedMap<String, Object> values = new TreeMap<>(Map.of("displayName", "G", "mailEnabled", true,
                "groupTypes", List.of("a", "b")));

        ExportedValues stored = ExportedValues.of(values);

        assertThat(ExportedValues.parse(stored.json())).isEqualTo(values);
        assertThat(ExportedValues.differences(ExportedValues.parse(stored.json()), values)).isEmpty();
        assertThat(stored.hash()).hasSize(64);
        assertThat(ExportedValues.parse(null)).isEmpty();
    }

    @Test
    void aGroupsWholeStateNamesItsMembershipChangesAsMemberIdsAndOwnerIds() {
        SortedMap<String, Object> values = new TreeMap<>(Map.of("displayName", "G"));
        SortedMap<String, Object> exported = ExportedValues.withMembership(values, new Membership(List.of("a"), List.of("o")));
        SortedMap<String, Object> now = ExportedValues.withMembership(values, new Membership(List.of("b", "a"), List.of("o")));

        assertThat(ExportedValues.differences(exported, now)).containsExactly(
                Map.of("displayName", "memberIds", "oldValue", "[\"a\"]", "newValue", "[\"a\",\"b\"]"));
        assertThat(values).doesNotContainKey("memberIds");
    }
}
