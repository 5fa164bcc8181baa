package dev.steward.directory.user.command;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.CloudUserUpdated;
import dev.steward.directory.user.api.CreateCloudUser;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.user.api.DeleteUser;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.directory.user.api.UpdateCloudUser;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.api.UserUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T09:59:00Z");
    private static final Instant NEXT_SYNC = SYNCED_AT.plusSeconds(1800);
    private static final String ANCHOR = "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02";
    private static final String ALICE_ID = DirectoryIds.fromAnchor(ANCHOR);
    private static final String CAROL_ID = "5f0c2d7e-8a41-4b6e-9c3d-2e1f0a9b8c7d";
    private static final String TAKEN = "taken@corp.example.test";
    private static final ExtensionAttributes MUNICH = ExtensionAttributes.of(Arrays.asList(null, null, "Munich", null,
            null, null, null, null, null, null, null, null, null, null, null));

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerCommandHandlerInterceptor(new DirectoryErrorInterceptor());
        fixture.registerInjectableResource((DirectoryUsers) (name, except) -> name.equalsIgnoreCase(TAKEN));
    }

    @Test
    void createsCloudUserWithoutOnPremisesValues() {
        fixture.givenNoPriorActivity()
                .when(createCarol("carol@corp.example.test"))
                .expectEvents(new CloudUserCreated(carol("Carol"), "carol", true));
    }

    @Test
    void refusesCloudUserWhosePrincipalNameIsTaken() {
        fixture.givenNoPriorActivity()
                .when(createCarol(TAKEN.toUpperCase(java.util.Locale.ROOT)))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Another object with the same value for property userPrincipalName already "
                        + "exists.");
    }

    @Test
    void refusesOverlongPrincipalNameWithoutRunningThePatternIntoAStackOverflow() {
        fixture.givenNoPriorActivity()
                .when(createCarol("carol@corp" + ".a".repeat(50_000)))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Invalid value specified for property 'userPrincipalName' of resource 'User'.");
    }

    @Test
    void refusesCloudUserWithInvalidPrincipalName() {
        fixture.givenNoPriorActivity()
                .when(createCarol("carol at corp"))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Invalid value specified for property 'userPrincipalName' of resource 'User'.");
    }

    @Test
    void updatesCloudUser() {
        fixture.given(new CloudUserCreated(carol("Carol"), "carol", true))
                .when(new UpdateCloudUser(CAROL_ID, Set.of("displayName", "accountEnabled"), null, "Carol Danvers",
                        null, null, false))
                .expectEvents(new CloudUserUpdated(carol("Carol Danvers"), "carol", false));
    }

    @Test
    void cloudUpdateWithCurrentValuesChangesNothing() {
        fixture.given(new CloudUserCreated(carol("Carol"), "carol", true))
                .when(new UpdateCloudUser(CAROL_ID, Set.of("displayName"), null, "Carol", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesReadOnlyPropertyOfCloudUser() {
        fixture.given(new CloudUserCreated(carol("Carol"), "carol", true))
                .when(new UpdateCloudUser(CAROL_ID, Set.of("onPremisesSyncEnabled"), null, null, null, null, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Property 'onPremisesSyncEnabled' is read-only and cannot be set.");
    }

    @Test
    void refusesCloudUpdateOfSyncedUser() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT)))
                .when(new UpdateCloudUser(ALICE_ID, Set.of("displayName"), null, "Alicia", null, null, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Unable to update the specified properties for on-premises mastered "
                        + "Directory Sync objects or objects currently undergoing migration.")
                .expectNoEvents();
    }

    @Test
    void deletesCloudUser() {
        fixture.given(new CloudUserCreated(carol("Carol"), "carol", true))
                .when(new DeleteUser(CAROL_ID))
                .expectEvents(new UserDeleted(CAROL_ID, "carol@corp.example.test", "Carol", null))
                .expectMarkedDeleted();
    }

    @Test
    void refusesDeletionOfSyncedUser() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT)))
                .when(new DeleteUser(ALICE_ID))
                .expectException(CommandExecutionException.class)
                .expectNoEvents();
    }

    @Test
    void refusesSyncOfCloudUser() {
        fixture.given(new CloudUserCreated(carol("Carol"), "carol", true))
                .when(new SyncUserFromOnPremises(CAROL_ID, ANCHOR, "carol@corp.example.test", "Carol", null, null,
                        null, null, NEXT_SYNC))
                .expectException(CommandExecutionException.class)
                .expectNoEvents();
    }

    private static CreateCloudUser createCarol(String principalName) {
        return new CreateCloudUser(CAROL_ID, principalName, "Carol", "carol", null, true);
    }

    private static UserState carol(String displayName) {
        return new UserState(CAROL_ID, "carol@corp.example.test", displayName, null, NOW, null, null, null, null,
                null, null);
    }

    @Test
    void createsUserOnFirstSync() {
        fixture.givenNoPriorActivity()
                .when(sync("Alice", SYNCED_AT))
                .expectEvents(new UserCreated(alice("Alice", SYNCED_AT)));
    }

    @Test
    void createsAUserTheIntakeKnowsIsNewWithoutLookingForItsEvents() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserFromOnPremises(ALICE_ID, sync("Alice", SYNCED_AT)))
                .expectEvents(new UserCreated(alice("Alice", SYNCED_AT)));
    }

    @Test
    void appliesAdChangesToSyncedUser() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT)))
                .when(sync("Alice Liddell", NEXT_SYNC))
                .expectEvents(new UserUpdated(alice("Alice Liddell", NEXT_SYNC)));
    }

    @Test
    void syncWithIdenticalValuesChangesNothing() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT)))
                .when(sync("Alice", NEXT_SYNC))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesSyncWhoseAnchorIsNotTheUsers() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT)))
                .when(new SyncUserFromOnPremises(ALICE_ID, "3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03",
                        "alice@corp.example.test", "Alice", null, null, null, null, NEXT_SYNC))
                .expectException(CommandExecutionException.class)
                .expectNoEvents();
    }

    @Test
    void appliesAChangedExtensionAttributeOfASyncedUser() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT)))
                .when(sync("Alice", NEXT_SYNC, MUNICH))
                .expectEvents(new UserUpdated(alice("Alice", NEXT_SYNC, MUNICH)));
    }

    @Test
    void syncWithTheSameExtensionAttributesChangesNothing() {
        fixture.given(new UserCreated(alice("Alice", SYNCED_AT, MUNICH)))
                .when(sync("Alice", NEXT_SYNC, MUNICH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static SyncUserFromOnPremises sync(String displayName, Instant syncedAt) {
        return sync(displayName, syncedAt, null);
    }

    private static SyncUserFromOnPremises sync(String displayName, Instant syncedAt, ExtensionAttributes attributes) {
        return new SyncUserFromOnPremises(ALICE_ID, ANCHOR, "alice@corp.example.test", displayName,
                "alice@corp.example.test", "S-1-5-21-1004336348-1177238915-682003330-1102", "alice",
                "CN=Alice,CN=Users,DC=corp,DC=example,DC=test", attributes, syncedAt);
    }

    private static UserState alice(String displayName, Instant lastSync) {
        return alice(displayName, lastSync, null);
    }

    private static UserState alice(String displayName, Instant lastSync, ExtensionAttributes attributes) {
        return new UserState(ALICE_ID, "alice@corp.example.test", displayName, "alice@corp.example.test", NOW, ANCHOR,
                "S-1-5-21-1004336348-1177238915-682003330-1102", "alice",
                "CN=Alice,CN=Users,DC=corp,DC=example,DC=test", lastSync, attributes);
    }
}
