package dev.steward.directory.license;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.license.api.AssignUserLicenses;
import dev.steward.directory.license.api.UserLicense;
import dev.steward.directory.license.api.UserLicensesAssigned;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.command.DirectoryUsers;
import dev.steward.directory.user.command.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code assignLicense} on the user aggregate: Graph's rules, one per test. */
class UserLicensesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final String ANCHOR = "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02";
    private static final String ALICE_ID = DirectoryIds.fromAnchor(ANCHOR);
    private static final String UPN = "alice@corp.example.test";
    private static final String P1 = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    private static final String P2 = "84a661c4-e949-4bd2-a560-ed7766fcaf2b";
    private static final String PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0";

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerCommandHandlerInterceptor(new DirectoryErrorInterceptor());
        fixture.registerInjectableResource((DirectoryUsers) (name, except) -> false);
    }

    @Test
    void assignsALicenceToAUserSyncedFromActiveDirectory() {
        fixture.given(alice())
                .when(new AssignUserLicenses(ALICE_ID, List.of(new UserLicense(P1, List.of())), List.of()))
                .expectEvents(new UserLicensesAssigned(ALICE_ID, UPN, List.of(new UserLicense(P1, List.of())),
                        List.of(P1), List.of()));
    }

    @Test
    void replacesTheDisabledPlansOfALicenceTheUserHolds() {
        fixture.given(alice(), holding(new UserLicense(P1, List.of())))
                .when(new AssignUserLicenses(ALICE_ID, List.of(new UserLicense(P1, List.of(PLAN))), List.of()))
                .expectEvents(new UserLicensesAssigned(ALICE_ID, UPN, List.of(new UserLicense(P1, List.of(PLAN))),
                        List.of(), List.of()));
    }

    @Test
    void removesALicenceAndAddsAnotherInOneRequest() {
        fixture.given(alice(), holding(new UserLicense(P1, List.of())))
                .when(new AssignUserLicenses(ALICE_ID, List.of(new UserLicense(P2, List.of())), List.of(P1)))
                .expectEvents(new UserLicensesAssigned(ALICE_ID, UPN, List.of(new UserLicense(P2, List.of())),
                        List.of(P2), List.of(P1)));
    }

    @Test
    void assigningWhatTheUserHoldsChangesNothing() {
        fixture.given(alice(), holding(new UserLicense(P1, List.of())))
                .when(new AssignUserLicenses(ALICE_ID, List.of(new UserLicense(P1, List.of())), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRemoveALicenceTheUserDoesNotHold() {
        fixture.given(alice())
                .when(new AssignUserLicenses(ALICE_ID, List.of(), List.of(P2)))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("User does not have a corresponding license.");
    }

    @Test
    void refusesToAddAndRemoveTheSameSku() {
        fixture.given(alice(), holding(new UserLicense(P1, List.of())))
                .when(new AssignUserLicenses(ALICE_ID, List.of(new UserLicense(P1, List.of())), List.of(P1)))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("License '" + P1 + "' cannot be both added and removed.");
    }

    private static UserCreated alice() {
        return new UserCreated(new UserState(ALICE_ID, UPN, "Alice", UPN, NOW, ANCHOR, "S-1-5-21-1-2-3-1106", "alice",
                "CN=Alice,DC=corp,DC=example,DC=test", NOW, ExtensionAttributes.NONE));
    }

    private static UserLicensesAssigned holding(UserLicense license) {
        return new UserLicensesAssigned(ALICE_ID, UPN, List.of(license), List.of(license.skuId()), List.of());
    }
}
