package dev.steward.directory.group.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupStateTest {

    private static final GroupState GROUP = new GroupState("g1", "Engineering", "say \"hi\"", "eng", null, false, true,
            List.of(), null, Instant.parse("2026-01-01T10:00:00Z"), true, false, "anchor", "S-1-5-21-1", "eng",
            "corp.example.test", "CORP", "CN=Engineering", Instant.parse("2026-01-01T10:00:00Z"), "S-1-12-1-1",
            ExtensionAttributes.NONE);

    @Test
    void reportsChangedPropertiesAsJsonText() {
        GroupState next = new GroupState("g1", "Engineering Team", null, "eng", null, false, true, List.of("Unified"),
                null, GROUP.createdDateTime(), null, true, "anchor", "S-1-5-21-1", "eng", "corp.example.test", "CORP",
                "CN=Engineering", Instant.parse("2026-01-01T11:00:00Z"), "S-1-12-1-1", ExtensionAttributes.NONE);

        assertThat(GROUP.changesTo(next)).containsExactly(
                new PropertyChange("displayName", "\"Engineering\"", "\"Engineering Team\""),
                new PropertyChange("description", "\"say \\\"hi\\\"\"", null),
                new PropertyChange("groupTypes", "[]", "[\"Unified\"]"),
                new PropertyChange("onPremisesSyncEnabled", "true", null),
                new PropertyChange("isCloudManaged", "false", "true"));
    }

    @Test
    void ignoresLastSyncTimeWhenComparing() {
        GroupState resynced = new GroupState("g1", "Engineering", "say \"hi\"", "eng", null, false, true, List.of(),
                null, GROUP.createdDateTime(), true, false, "anchor", "S-1-5-21-1", "eng", "corp.example.test", "CORP",
                "CN=Engineering", Instant.parse("2026-01-02T10:00:00Z"), "S-1-12-1-1", ExtensionAttributes.NONE);

        assertThat(GROUP.changesTo(resynced)).isEmpty();
    }

    @Test
    void knowsWhichGroupsTheMailSystemManages() {
        assertThat(GROUP.managedByMailSystem()).isFalse();
        GroupState distribution = new GroupState("g2", "DL", null, "dl", "dl@corp.example.test", true, false,
                List.of(), null, null, true, false, null, null, null, null, null, null, null, null,
                ExtensionAttributes.NONE);
        GroupState microsoft365 = new GroupState("g3", "Team", null, "team", "team@corp.example.test", true, false,
                List.of("Unified"), "Private", null, null, false, null, null, null, null, null, null, null, null,
                ExtensionAttributes.NONE);
        assertThat(distribution.managedByMailSystem()).isTrue();
        assertThat(microsoft365.managedByMailSystem()).isFalse();
    }
}
