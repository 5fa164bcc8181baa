package dev.steward.sync.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.sync.ldap.GroupScope;
import dev.steward.sync.ldap.GroupType;
import org.junit.jupiter.api.Test;

class NewGroupScopeTest {

    @Test
    void groupTypesAreTheScopeBitAndTheSecurityBit() {
        assertThat(NewGroupScope.UNIVERSAL.groupType()).isEqualTo(-2147483640);
        assertThat(NewGroupScope.GLOBAL.groupType()).isEqualTo(-2147483646);
        assertThat(NewGroupScope.DOMAIN_LOCAL.groupType()).isEqualTo(-2147483644);
    }

    @Test
    void eachGroupTypeReadsBackAsASecurityGroupOfItsScope() {
        assertThat(GroupType.of(NewGroupScope.UNIVERSAL.groupType()))
                .satisfies(t -> assertThat(t.scope()).isEqualTo(GroupScope.UNIVERSAL))
                .satisfies(t -> assertThat(t.securityEnabled()).isTrue());
        assertThat(GroupType.of(NewGroupScope.GLOBAL.groupType()).scope()).isEqualTo(GroupScope.GLOBAL);
        assertThat(GroupType.of(NewGroupScope.DOMAIN_LOCAL.groupType()).scope()).isEqualTo(GroupScope.DOMAIN_LOCAL);
    }

    @Test
    void parsesTheDocumentedSpellings() {
        assertThat(NewGroupScope.parse("universal")).isEqualTo(NewGroupScope.UNIVERSAL);
        assertThat(NewGroupScope.parse("Global")).isEqualTo(NewGroupScope.GLOBAL);
        assertThat(NewGroupScope.parse("domain-local")).isEqualTo(NewGroupScope.DOMAIN_LOCAL);
        assertThat(NewGroupScope.parse("DOMAIN_LOCAL")).isEqualTo(NewGroupScope.DOMAIN_LOCAL);
    }

    @Test
    void refusesAnUnknownScope() {
        assertThatThrownBy(() -> NewGroupScope.parse("forest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group-scope");
    }

    @Test
    void propertiesDefaultToUniversalAndAllSecurityGroups() {
        WriteBackProperties properties = properties("all-security-groups", null, null);
        assertThat(properties.newGroupScope()).isEqualTo(NewGroupScope.UNIVERSAL);
        assertThat(properties.selectedOnly()).isFalse();
        assertThatThrownBy(() -> properties("some", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    static WriteBackProperties properties(String scope, java.util.List<String> selected, java.util.List<String> prefixes) {
        return new WriteBackProperties(true, scope, selected, prefixes, "OU=Cloud,DC=corp,DC=example,DC=test",
                "universal", "auto", null, null, java.time.Duration.ZERO, false, java.time.Duration.ofSeconds(1), 5000);
    }
}
