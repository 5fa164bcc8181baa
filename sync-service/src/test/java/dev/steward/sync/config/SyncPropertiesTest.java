package dev.steward.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncPropertiesTest {

    @Test
    void domainNameComesFromTheDcComponents() {
        assertThat(SyncProperties.domainNameOf("CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test"))
                .isEqualTo("corp.example.test");
        assertThat(SyncProperties.domainNameOf("dc=Corp, dc=Example, dc=TEST")).isEqualTo("corp.example.test");
        assertThat(SyncProperties.domainNameOf("CN=Users,O=Example")).isNull();
    }

    @Test
    void netbiosNameDefaultsToTheFirstDomainLabelUpperCased() {
        assertThat(properties(null).effectiveNetbiosName()).isEqualTo("CORP");
        assertThat(properties("CONTOSO").effectiveNetbiosName()).isEqualTo("CONTOSO");
    }

    private static SyncProperties properties(String netbiosName) {
        return new SyncProperties(
                new SyncProperties.Ldap("ldap://127.0.0.1:3389", null, null, "DC=corp,DC=example,DC=test", 500,
                        Duration.ofSeconds(10), Duration.ofSeconds(60)),
                new SyncProperties.Scope(List.of(), List.of(), null), netbiosName,
                new SyncProperties.Schedule(Duration.ZERO), false, new SyncProperties.Engine("app", "Steward Sync", 5, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2)));
    }
}
