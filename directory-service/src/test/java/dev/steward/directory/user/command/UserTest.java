package dev.steward.directory.user.command;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.api.UserUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerCommandHandlerInterceptor(new DirectoryErrorInterceptor());
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

    private static SyncUserFromOnPremises sync(String displayName, Instant syncedAt) {
        return new SyncUserFromOnPremises(ALICE_ID, ANCHOR, "alice@corp.example.test", displayName,
                "alice@corp.example.test", "S-1-5-21-1004336348-1177238915-682003330-1102", "alice",
                "CN=Alice,CN=Users,DC=corp,DC=example,DC=test", syncedAt);
    }

    private static UserState alice(String displayName, Instant lastSync) {
        return new UserState(ALICE_ID, "alice@corp.example.test", displayName, "alice@corp.example.test", NOW, ANCHOR,
                "S-1-5-21-1004336348-1177238915-682003330-1102", "alice",
                "CN=Alice,CN=Users,DC=corp,DC=example,DC=test", lastSync);
    }
}
