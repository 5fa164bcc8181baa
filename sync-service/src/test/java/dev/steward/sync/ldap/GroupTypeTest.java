package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GroupTypeTest {

    @ParameterizedTest(name = "{0} is {1}, security {2}")
    @CsvSource({
            "-2147483646, GLOBAL,       true",
            "2,           GLOBAL,       false",
            "-2147483644, DOMAIN_LOCAL, true",
            "4,           DOMAIN_LOCAL, false",
            "-2147483640, UNIVERSAL,    true",
            "8,           UNIVERSAL,    false",
            "2147483650,  GLOBAL,       true",
            "0,           UNKNOWN,      false"})
    void readsScopeAndSecurityFromTheBits(String value, GroupScope scope, boolean securityEnabled) {
        GroupType type = GroupType.parse(value);

        assertThat(type.scope()).isEqualTo(scope);
        assertThat(type.securityEnabled()).isEqualTo(securityEnabled);
        assertThat(type.builtIn()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2147483643"})
    void recognisesBuiltInGroups(String value) {
        GroupType type = GroupType.parse(value);

        assertThat(type.builtIn()).isTrue();
        assertThat(type.scope()).isEqualTo(GroupScope.DOMAIN_LOCAL);
        assertThat(type.securityEnabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"global", "", "4294967296", "-2147483649"})
    void refusesWhatIsNotAThirtyTwoBitInteger(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> GroupType.parse(value));
    }
}
