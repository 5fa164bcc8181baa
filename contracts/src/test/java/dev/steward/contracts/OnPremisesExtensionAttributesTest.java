package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code onPremisesExtensionAttributes} on the wire: Graph's shape, bounded values, and messages written before the
 * attributes existed (an older producer) still read.
 */
class OnPremisesExtensionAttributesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void writesAllFifteenAttributesNullsIncluded() {
        ObjectNode json = (ObjectNode) ContractJson.mapper().readTree(
                ContractJson.writeString(Samples.EXTENSION_ATTRIBUTES));

        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names).hasSize(15).first().isEqualTo("extensionAttribute1");
        assertThat(names).last().isEqualTo("extensionAttribute15");
        assertThat(json.get("extensionAttribute1").asString()).isEqualTo("CC-4711");
        assertThat(json.get("extensionAttribute2").isNull()).isTrue();
        assertThat(json.get("extensionAttribute3").asString()).isEqualTo("Munich");
    }

    @Test
    void refusesAValueLongerThanActiveDirectoryAllows() {
        List<String> values = new ArrayList<>(Collections.nCopies(15, null));
        values.set(6, "x".repeat(OnPremisesExtensionAttributes.MAX_LENGTH + 1));

        assertThatThrownBy(() -> OnPremisesExtensionAttributes.of(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extensionAttribute7 is longer than 1024 characters");
        values.set(6, "x".repeat(OnPremisesExtensionAttributes.MAX_LENGTH));
        assertThat(OnPremisesExtensionAttributes.of(values).extensionAttribute7()).hasSize(1024);
    }

    @Test
    void readsASyncGroupWithoutExtensionAttributesAsNoneSet() throws Exception {
        SyncGroup read = (SyncGroup) readWithout("directory.SyncGroup", "onPremisesExtensionAttributes");

        assertThat(read.onPremisesExtensionAttributes()).isEqualTo(OnPremisesExtensionAttributes.NONE);
        assertThat(read.onPremisesExtensionAttributes().anySet()).isFalse();
        assertThat(read.displayName()).isEqualTo("Engineering");
    }

    @Test
    void readsASyncUserWithoutExtensionAttributesAsNoneSet() throws Exception {
        SyncUser read = (SyncUser) readWithout("directory.SyncUser", "onPremisesExtensionAttributes");

        assertThat(read.onPremisesExtensionAttributes()).isEqualTo(OnPremisesExtensionAttributes.NONE);
        assertThat(read.userPrincipalName()).isEqualTo("alice@corp.example.test");
    }

    @Test
    void readsGroupEventsWithoutExtensionAttributesAsNoneSet() throws Exception {
        GroupCreated created = (GroupCreated) readWithout("directory.GroupCreated", "onPremisesExtensionAttributes");
        GroupUpdated updated = (GroupUpdated) readWithout("directory.GroupUpdated", "onPremisesExtensionAttributes");

        assertThat(created.group().onPremisesExtensionAttributes()).isEqualTo(OnPremisesExtensionAttributes.NONE);
        assertThat(updated.group().onPremisesExtensionAttributes()).isEqualTo(OnPremisesExtensionAttributes.NONE);
        assertThat(updated.modifiedProperties()).hasSize(1);
    }

    @Test
    void readsASourceOfAuthorityChangeWithoutRemovedAttributesAsNull() throws Exception {
        SourceOfAuthorityChanged read = (SourceOfAuthorityChanged) readWithout("directory.SourceOfAuthorityChanged",
                "removedOnPremisesExtensionAttributes");

        assertThat(read.removedOnPremisesExtensionAttributes()).isNull();
        assertThat(read.isCloudManaged()).isTrue();
    }

    /** The golden file of {@code type} with {@code property} removed wherever it occurs, read back. */
    private static ContractMessage readWithout(String type, String property) throws Exception {
        String golden = Files.readString(GOLDEN.resolve(type + ".json"), StandardCharsets.UTF_8);
        ObjectNode json = (ObjectNode) ContractJson.mapper().readTree(golden);
        json.remove(property);
        if (json.get("group") instanceof ObjectNode group) {
            group.remove(property);
        }
        assertThat(json.toString()).doesNotContain(property);
        return ContractJson.read(type, json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
