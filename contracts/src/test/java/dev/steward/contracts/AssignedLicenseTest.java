package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.UserLicensesChanged;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignedLicenseTest {

    @Test
    void normalisesSkuIdsToLowerCaseGuidsAndDropsRepeatedPlans() {
        AssignedLicense license = new AssignedLicense(Samples.AAD_PREMIUM.toUpperCase(),
                List.of(Samples.EXCHANGE_PLAN, Samples.EXCHANGE_PLAN.toUpperCase()));

        assertThat(license.skuId()).isEqualTo(Samples.AAD_PREMIUM);
        assertThat(license.disabledPlans()).containsExactly(Samples.EXCHANGE_PLAN);
    }

    @Test
    void refusesSkuIdsThatAreNotGuids() {
        assertThatThrownBy(() -> new AssignedLicense("AAD_PREMIUM", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skuId must be a GUID");
        assertThatThrownBy(() -> new AssignLicense(Samples.command(), Samples.CLOUD_USER_ID, List.of(),
                List.of("not-a-guid"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsDisabledPlansAndLicencesPerUser() {
        List<String> plans = IntStream.range(0, AssignedLicense.MAX_DISABLED_PLANS + 1)
                .mapToObj(i -> UUID.randomUUID().toString()).toList();
        assertThatThrownBy(() -> new AssignedLicense(Samples.AAD_PREMIUM, plans))
                .isInstanceOf(IllegalArgumentException.class);
        List<AssignedLicense> licences = Collections.nCopies(UserLicensesChanged.MAX_LICENSES + 1,
                new AssignedLicense(Samples.AAD_PREMIUM, List.of()));
        assertThatThrownBy(() -> new UserLicensesChanged(Samples.event(Samples.CLOUD_USER_ID), Samples.CLOUD_USER_ID,
                null, licences, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
