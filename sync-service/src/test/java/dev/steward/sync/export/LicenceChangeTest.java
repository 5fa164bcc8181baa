package dev.steward.sync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.event.AssignedLicense;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LicenceChangeTest {

    static final String P1 = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    static final String P2 = "84a661c4-e949-4bd2-a560-ed7766fcaf2b";
    static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";

    @Test
    void addsWhatAdHoldsAndWasNotExportedAndRemovesOnlyWhatWasExported() {
        LicenceChange change = LicenceChange.between(Set.of(P1, P2), Set.of(P2, E3));

        assertThat(change.added()).containsExactly(E3);
        assertThat(change.removed()).containsExactly(P1);
    }

    @Test
    void aFirstSyncAddsEveryAdLicence() {
        assertThat(LicenceChange.between(Set.of(), Set.of(P2, P1)).added()).containsExactly(P1, P2);
    }

    @Test
    void equalSetsAreNoChange() {
        assertThat(LicenceChange.between(Set.of(P1), Set.of(P1)).isEmpty()).isTrue();
    }

    @Test
    void theCommandIsTheDirectorysAssignLicenseForTheUserWithoutDisabledPlans() {
        String userId = UUID.randomUUID().toString();
        AssignLicense command = new LicenceChange(List.of(E3), List.of(P1))
                .command(CommandMetadata.of(UUID.randomUUID(), Instant.now(), "cycle"), userId);

        assertThat(command.key()).isEqualTo(userId);
        assertThat(command.addLicenses()).containsExactly(new AssignedLicense(E3, List.of()));
        assertThat(command.removeLicenses()).containsExactly(P1);
    }

    @Test
    void moreLicencesThanACommandMayCarryAreRefused() {
        List<String> many = IntStream.range(0, 101).mapToObj(i -> new UUID(0, i).toString()).toList();
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenceChange(many, List.of())
                .command(CommandMetadata.of(UUID.randomUUID(), Instant.now(), "cycle"), UUID.randomUUID().toString()));
    }
}
