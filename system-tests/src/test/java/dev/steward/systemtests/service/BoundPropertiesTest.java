package dev.steward.systemtests.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundPropertiesTest {

    @Test
    void mapsEnvironmentNamesToThePropertiesTheServiceBinds() {
        BoundProperties sync = BoundProperties.of(Deployable.SYNC);

        assertThat(sync.property("SPRING_KAFKA_BOOTSTRAP_SERVERS")).contains("spring.kafka.bootstrap-servers");
        assertThat(sync.property("KAFKA_BOOTSTRAP_SERVERS")).as("application.yaml's placeholder")
                .contains("spring.kafka.bootstrap-servers");
        assertThat(sync.property("STEWARD_SYNC_LDAP_BIND_DN")).contains("steward.sync.ldap.bind-dn");
        assertThat(sync.property("STEWARD_KAFKA_PASSWORD")).as("read with Environment.getProperty")
                .contains("steward.kafka.password");
        assertThat(sync.binds("JAVA_TOOL_OPTIONS")).isTrue();
    }

    @Test
    void refusesNamesNoPropertyBinds() {
        BoundProperties sync = BoundProperties.of(Deployable.SYNC);

        assertThat(sync.binds("STEWARD_SYNC_LDAP_URI")).isFalse();
        assertThat(sync.binds("STEWARD_AUTH_ISSUER")).as("the auth-server's, not the sync engine's").isFalse();
        assertThat(sync.binds("SPRING_KAFKA_BOOTSTRAP_SERVER")).isFalse();
    }

    @Test
    void bindsEveryIndexOfAListProperty() {
        BoundProperties authServer = BoundProperties.of(Deployable.AUTH_SERVER);

        assertThat(authServer.property("STEWARD_AUTH_CLIENTS_1_SECRET")).contains("steward.auth.clients");
        assertThat(authServer.property("STEWARD_AUTH_CLI_REDIRECT_URI")).contains("steward.auth.cli.redirect-uri");
        assertThat(authServer.binds("STEWARD_AUTH_CLIENT_0_SECRET")).isFalse();
    }
}
