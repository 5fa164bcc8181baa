package dev.steward.platform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mock.env.MockEnvironment;

class KafkaCredentialsTest {

    @Test
    void turnsTheServiceCredentialsIntoScramSettingsOfEveryClient() {
        KafkaProperties properties = new KafkaProperties();
        new KafkaCredentials(new MockEnvironment().withProperty("spring.application.name", "audit-service")
                .withProperty(KafkaCredentials.USERNAME, "audit-service")
                .withProperty(KafkaCredentials.PASSWORD, "p\"w")).apply(properties);

        assertThat(properties.buildProducerProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"audit-service\" password=\"p\\\"w\";");
        assertThat(properties.buildConsumerProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(properties.buildAdminProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void keepsAnExplicitSecurityProtocolSuchAsSaslSsl() {
        KafkaProperties properties = new KafkaProperties();
        properties.getSecurity().setProtocol("SASL_SSL");
        new KafkaCredentials(new MockEnvironment().withProperty("spring.application.name", "sync-service")
                .withProperty(KafkaCredentials.USERNAME, "sync-service")
                .withProperty(KafkaCredentials.PASSWORD, "secret")).apply(properties);

        assertThat(properties.buildProducerProperties()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void addsNothingWithoutAUserName() {
        KafkaProperties properties = new KafkaProperties();
        new KafkaCredentials(new MockEnvironment()).apply(properties);

        assertThat(properties.buildProducerProperties()).doesNotContainKeys("sasl.mechanism", "sasl.jaas.config");
    }

    @Test
    void refusesAUserNameWithoutPassword() {
        assertThatThrownBy(() -> new KafkaCredentials(new MockEnvironment()
                .withProperty(KafkaCredentials.USERNAME, "sync-service")).apply(new KafkaProperties()))
                .hasMessageContaining("steward.kafka.password is empty");
    }

    @Test
    void refusesAnotherServicesUserName() {
        assertThatThrownBy(() -> new KafkaCredentials(new MockEnvironment()
                .withProperty("spring.application.name", "audit-service")
                .withProperty(KafkaCredentials.USERNAME, "directory-service")
                .withProperty(KafkaCredentials.PASSWORD, "secret")).apply(new KafkaProperties()))
                .hasMessageContaining("is not this service (audit-service)");
    }
}
