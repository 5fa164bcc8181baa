package dev.steward.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCredentialsTest {

    @TempDir
    Path state;

    @Test
    void createsOneRandomPasswordPerPrincipalOnceAndKeepsThemPrivate() throws Exception {
        Path file = state.resolve("kafka-credentials.properties");

        BrokerCredentials first = BrokerCredentials.loadOrCreate(file);
        BrokerCredentials again = BrokerCredentials.loadOrCreate(file);

        assertThat(again).isEqualTo(first);
        Set<String> distinct = new HashSet<>(first.passwords().values());
        distinct.add(first.adminPassword());
        assertThat(distinct).hasSize(KafkaPrincipal.values().length + 1).allMatch(password -> password.length() >= 32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void writesTheCommandSendersKcatConfiguration() throws Exception {
        BrokerCredentials credentials = BrokerCredentials.loadOrCreate(state.resolve("kafka-credentials.properties"));
        Path kcat = state.resolve("kcat.conf");

        credentials.writeKcatConfig(kcat, KafkaPrincipal.COMMAND_SENDER);

        assertThat(Files.readAllLines(kcat)).contains("security.protocol=SASL_PLAINTEXT",
                "sasl.mechanisms=PLAIN", "sasl.username=command-sender",
                "sasl.password=" + credentials.password(KafkaPrincipal.COMMAND_SENDER));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kcat))).isEqualTo("rw-------");
    }
}
