package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.config.LicensingProperties;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class PremiumLicensePolicyTest {

    private static final List<String> DEFAULT_SKUS =
            List.of(LicensingProperties.AAD_PREMIUM, LicensingProperties.AAD_PREMIUM_P2);
    private static final String OFFICE_E1 = "18181a46-0d4e-45cd-891e-60aabd171b4e";

    private final PremiumLicensePolicy enforced = new PremiumLicensePolicy(new LicensingProperties(true, DEFAULT_SKUS));

    @Test
    void aUserWithEntraIdP1OrP2MayRequestToJoinAndRequireApproval() {
        assertThatCode(() -> enforced.checkMayRequestToJoin("bob", List.of(LicensingProperties.AAD_PREMIUM)))
                .doesNotThrowAnyException();
        assertThatCode(() -> enforced.checkMayRequireApproval("bob",
                List.of(OFFICE_E1, LicensingProperties.AAD_PREMIUM_P2))).doesNotThrowAnyException();
    }

    @Test
    void aUserWithoutP1OrP2MayNeitherRequestToJoinNorRequireApproval() {
        assertThatThrownBy(() -> enforced.checkMayRequestToJoin("bob", List.of(OFFICE_E1)))
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.LICENSE_REQUIRED))
                .hasMessage("User 'bob' needs a Microsoft Entra ID P1 or P2 license to request to join a group.");
        assertThatThrownBy(() -> enforced.checkMayRequireApproval("bob", List.of()))
                .isInstanceOf(MembershipRequestRefused.class)
                .hasMessageContaining("to make a group require owner approval");
    }

    @Test
    void aSuiteCountsOnceItsSkuIsConfigured() {
        PremiumLicensePolicy withSuite = new PremiumLicensePolicy(new LicensingProperties(true,
                List.of(LicensingProperties.AAD_PREMIUM, OFFICE_E1.toUpperCase())));

        assertThat(withSuite.holdsPremium(List.of(OFFICE_E1))).isTrue();
        assertThat(enforced.holdsPremium(List.of(OFFICE_E1))).isFalse();
    }

    @Test
    void aTenantWithoutLicensingEnforcementLetsEveryoneRequest() {
        PremiumLicensePolicy off = new PremiumLicensePolicy(new LicensingProperties(false, DEFAULT_SKUS));

        assertThatCode(() -> off.checkMayRequestToJoin("bob", List.of())).doesNotThrowAnyException();
        assertThatCode(() -> off.checkMayRequireApproval("bob", List.of())).doesNotThrowAnyException();
    }

    @Test
    void enforcementWithoutAnyPremiumSkuIsAConfigurationError() {
        assertThatThrownBy(() -> new LicensingProperties(true, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("premium-sku-ids");
    }
}
