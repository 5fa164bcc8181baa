package dev.steward.sync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LicencePropertiesTest {

    @Test
    void emptyByDefaultMeansLicencesAreNotSynced() {
        assertThat(new LicenceProperties(null).enabled()).isFalse();
        assertThat(new LicenceProperties("  ").enabled()).isFalse();
    }

    @Test
    void anAttributeNameTurnsThemOn() {
        assertThat(new LicenceProperties(" msDS-cloudExtensionAttribute1 ").attribute())
                .isEqualTo("msDS-cloudExtensionAttribute1");
    }

    @Test
    void somethingThatIsNoAttributeNameIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenceProperties("carLicense)(cn=*"));
    }
}
