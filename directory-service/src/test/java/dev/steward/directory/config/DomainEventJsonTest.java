package dev.steward.directory.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.api.OwnersRemoved;
import dev.steward.directory.group.api.PropertyChange;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.AuthorizationPolicyUpdated;
import dev.steward.directory.settings.api.DefaultUserRolePermissions;
import dev.steward.directory.settings.api.GroupSetting;
import dev.steward.directory.settings.api.GroupSettingUpdated;
import dev.steward.directory.settings.api.SettingValue;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domain events are stored forever: their JSON in the event store is pinned by fixture files
 * ({@code src/test/resources/events}), so a change to an event record is a visible diff and needs an upcaster.
 * A fixture of a shape that is no longer written (e.g. {@code GroupCreated.json}, stored before extension attributes)
 * stays as it was, with a test that it still reads.
 */
class DomainEventJsonTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final String CAROL_ID = "5f0c2d7e-8a41-4b6e-9c3d-2e1f0a9b8c7d";
    private static final GroupState ENGINEERING = new GroupState("d7dc327c-4e43-391d-a4c7-b3714e595e9b",
            "Engineering", "Engineering staff", "Engineering", null, false, true, List.of(), null, AT, true, false,
            "4c9f6083-2dbe-4b50-8f74-308b5cae0d04", "S-1-5-21-1004336348-1177238915-682003330-1104", "Engineering",
            "corp.example.test", "CORP", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", AT,
            "S-1-12-1-2094849148-966741582-1908918180-2606621529", ExtensionAttributes.NONE);

    private final Jackson3Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonConfiguration().tolerantEventReader()).build();

    @Test
    void groupCreatedMatchesItsFixture() {
        assertRoundTrip(new GroupCreated(engineering("Munich", AT), true), "GroupCreatedWithExtensionAttributes");
    }

    @Test
    void groupUpdatedMatchesItsFixture() {
        GroupState resynced = engineering("Berlin", AT.plusSeconds(1800));
        assertRoundTrip(new GroupUpdated(resynced, engineering("Munich", AT).changesTo(resynced), true),
                "GroupUpdatedWithExtensionAttributes");
    }

    @Test
    void sourceOfAuthoritySwitchedMatchesItsFixture() {
        assertRoundTrip(new SourceOfAuthoritySwitched(ENGINEERING.id(), "Engineering",
                ENGINEERING.onPremisesAnchor(), true, null, attributes("Munich")),
                "SourceOfAuthoritySwitchedWithExtensionAttributes");
    }

    // events stored before the directory knew extension attributes: none set, nothing removed

    @Test
    void readsAGroupCreatedStoredBeforeExtensionAttributes() {
        assertThat(deserialize(fixture("GroupCreated").toString(), GroupCreated.class))
                .isEqualTo(new GroupCreated(ENGINEERING, true));
    }

    @Test
    void readsAGroupUpdatedStoredBeforeExtensionAttributes() {
        Object event = deserialize(fixture("GroupUpdated").toString(), GroupUpdated.class);

        assertThat(event).isEqualTo(new GroupUpdated(ENGINEERING.withSourceOfAuthority(false, null)
                .withCloudEdits("Engineering Team", "Engineering staff", "Engineering", null),
                List.of(new PropertyChange("displayName", "\"Engineering\"", "\"Engineering Team\"")), false));
        assertThat(((GroupUpdated) event).group().onPremisesExtensionAttributes()).isEqualTo(ExtensionAttributes.NONE);
    }

    @Test
    void readsASourceOfAuthoritySwitchedStoredBeforeExtensionAttributes() {
        assertThat(deserialize(fixture("SourceOfAuthoritySwitched").toString(), SourceOfAuthoritySwitched.class))
                .isEqualTo(new SourceOfAuthoritySwitched(ENGINEERING.id(), "Engineering",
                        ENGINEERING.onPremisesAnchor(), true, null, null));
    }

    @Test
    void membersAddedMatchesItsFixture() {
        assertRoundTrip(new MembersAdded(ENGINEERING.id(), List.of(
                new MemberRef("94b84101-3f6b-3547-b064-c6bc89aa1a06", ObjectType.USER),
                new MemberRef("b0b0b0b0-0000-4000-8000-000000000001", ObjectType.GROUP)), true), "MembersAdded");
    }

    @Test
    void ownersRemovedMatchesItsFixture() {
        assertRoundTrip(new OwnersRemoved(ENGINEERING.id(), List.of("94b84101-3f6b-3547-b064-c6bc89aa1a06"), false),
                "OwnersRemoved");
    }

    @Test
    void userCreatedMatchesItsFixture() {
        assertRoundTrip(new UserCreated(alice(ExtensionAttributes.of(java.util.Arrays.asList("CC-4711", null, "Munich",
                null, null, null, null, null, null, null, null, null, null, null, null)))),
                "UserCreatedWithExtensionAttributes");
    }

    @Test
    void cloudUserCreatedMatchesItsFixture() {
        assertRoundTrip(new CloudUserCreated(carol(), "carol", true), "CloudUserCreatedWithExtensionAttributes");
    }

    // user events stored before users had extension attributes: none set

    @Test
    void readsAUserCreatedStoredBeforeExtensionAttributes() {
        UserCreated read = (UserCreated) deserialize(fixture("UserCreated").toString(), UserCreated.class);

        assertThat(read).isEqualTo(new UserCreated(alice(null)));
        assertThat(read.user().onPremisesExtensionAttributes()).isEqualTo(ExtensionAttributes.NONE);
    }

    @Test
    void readsACloudUserCreatedStoredBeforeExtensionAttributes() {
        assertThat(deserialize(fixture("CloudUserCreated").toString(), CloudUserCreated.class))
                .isEqualTo(new CloudUserCreated(carol(), "carol", true));
    }

    private static UserState alice(ExtensionAttributes extensionAttributes) {
        return new UserState("94b84101-3f6b-3547-b064-c6bc89aa1a06", "alice@corp.example.test", "Alice",
                "alice@corp.example.test", AT, "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02",
                "S-1-5-21-1004336348-1177238915-682003330-1102", "alice", "CN=Alice,CN=Users,DC=corp,DC=example,DC=test",
                AT, extensionAttributes);
    }

    private static UserState carol() {
        return new UserState(CAROL_ID, "carol@corp.example.test", "Carol", null, AT, null, null, null, null, null,
                null);
    }

    @Test
    void userDeletedMatchesItsFixture() {
        assertRoundTrip(new UserDeleted(CAROL_ID, "carol@corp.example.test", "Carol", null), "UserDeleted");
    }

    @Test
    void authorizationPolicyUpdatedMatchesItsFixture() {
        assertRoundTrip(new AuthorizationPolicyUpdated("tenant", new AuthorizationPolicy("everyone", true, true,
                false, false, new DefaultUserRolePermissions(true, false, true, true, true))),
                "AuthorizationPolicyUpdated");
    }

    @Test
    void groupSettingUpdatedMatchesItsFixture() {
        assertRoundTrip(new GroupSettingUpdated("tenant", new GroupSetting("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "62375ab9-6b52-47ed-826b-58e47e0e304b", "Group.Unified", List.of(
                        new SettingValue("EnableGroupCreation", "false"),
                        new SettingValue("GroupCreationAllowedGroupId", "0d6f4b1e-1111-4222-8333-944455556666")))),
                "GroupSettingUpdated");
    }

    @Test
    void readsStoredEventsThatCarryPropertiesItDoesNotKnow() {
        ObjectNode stored = (ObjectNode) fixture("SourceOfAuthoritySwitched");
        stored.put("addedByALaterVersion", "x");

        Object event = deserialize(stored.toString(), SourceOfAuthoritySwitched.class);

        assertThat(event).isEqualTo(new SourceOfAuthoritySwitched(ENGINEERING.id(), "Engineering",
                ENGINEERING.onPremisesAnchor(), true, null, null));
    }

    /** AD's extensionAttribute1 (a cost centre) and extensionAttribute3 (a site). */
    private static ExtensionAttributes attributes(String site) {
        return new ExtensionAttributes("CC-4711", null, site, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** Engineering as synced at {@code lastSync}, with its extension attributes at {@code site}. */
    private static GroupState engineering(String site, Instant lastSync) {
        return new GroupState(ENGINEERING.id(), "Engineering", "Engineering staff", "Engineering", null, false, true,
                List.of(), null, AT, true, false, ENGINEERING.onPremisesAnchor(),
                ENGINEERING.onPremisesSecurityIdentifier(), "Engineering", "corp.example.test", "CORP",
                ENGINEERING.onPremisesDistinguishedName(), lastSync, ENGINEERING.securityIdentifier(),
                attributes(site));
    }

    private void assertRoundTrip(Object event, String fixtureName) {
        String json = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(serializer.getObjectMapper().readTree(json)).isEqualTo(fixture(fixtureName));
        assertThat(deserialize(json, event.getClass())).isEqualTo(event);
    }

    private Object deserialize(String json, Class<?> type) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(type.getName(), null));
        return serializer.deserialize(serialized);
    }

    private JsonNode fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name + ".json")) {
            return serializer.getObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
