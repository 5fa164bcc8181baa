package dev.steward.platform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerProvisioningTest {

    @Test
    void readsOnePasswordPerPrincipalAndTheAdminClientFromTheEnvironment() {
        Map<String, String> env = completeEnvironment();
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/run/ca.p12");

        assertThat(BrokerProvisioning.passwords(env)).hasSize(KafkaPrincipal.values().length)
                .containsEntry(KafkaPrincipal.COMMAND_SENDER, "pw-COMMAND_SENDER");
        assertThat(BrokerProvisioning.adminConfig(env)).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.location", "/run/ca.p12");
    }

    @Test
    void refusesAMissingPassword() {
        Map<String, String> env = completeEnvironment();
        env.remove("STEWARD_KAFKA_PASSWORD_AUDIT");

        assertThatThrownBy(() -> BrokerProvisioning.passwords(env))
                .hasMessage("STEWARD_KAFKA_PASSWORD_AUDIT must be set");
    }

    private static Map<String, String> completeEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "STEWARD_KAFKA_ADMIN_PASSWORD", "admin-pw"));
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            env.put(BrokerProvisioning.PASSWORD_PREFIX + principal.name(), "pw-" + principal.name());
        }
        return env;
    }
}
