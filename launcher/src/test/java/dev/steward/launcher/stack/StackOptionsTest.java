package dev.steward.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.launcher.Arguments;
import dev.steward.launcher.LauncherException;
import dev.steward.launcher.service.Database;
import dev.steward.launcher.service.StewardService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void usesTheFixedLocalPortsByDefault() {
        StackOptions options = parse();

        assertThat(options.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.ldapUrl()).isEqualTo("ldap://127.0.0.1:3389");
        assertThat(options.serviceUrl(StewardService.DIRECTORY)).isEqualTo("http://127.0.0.1:8080");
        assertThat(options.serviceUrl(StewardService.SELFSERVICE)).isEqualTo("http://127.0.0.1:8081");
        assertThat(options.serviceUrl(StewardService.SYNC)).isEqualTo("http://127.0.0.1:8082");
        assertThat(options.serviceUrl(StewardService.AUDIT)).isEqualTo("http://127.0.0.1:8083");
        assertThat(options.database()).isInstanceOf(Database.H2Files.class);
        assertThat(options.layout().root()).isEqualTo(options.repositoryRoot().resolve(".steward"));
        assertThat(options.services()).containsExactly(StewardService.values());
    }

    @Test
    void takesPortsAddressDataDirectoryAndDatabaseFromFlags() {
        StackOptions options = parse("--kafka-port=19092", "--ldap-port", "13389", "--sync-port=18082",
                "--bind-address=0.0.0.0", "--data-dir=/tmp/elsewhere", "--postgres=jdbc:postgresql://db:5432",
                "--sync-interval=PT5M", "--ready-timeout=90", "--java-opts=-Xmx256m -XX:+UseSerialGC", "--fresh",
                "--skip=directory,audit");

        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.ldapPort()).isEqualTo(13389);
        assertThat(options.servicePort(StewardService.SYNC)).isEqualTo(18082);
        assertThat(options.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(options.connectHost()).as("clients use loopback when binding to every interface")
                .isEqualTo("127.0.0.1");
        assertThat(options.layout().root()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(options.database()).isEqualTo(new Database.PostgreSql("jdbc:postgresql://db:5432/", "steward_",
                "postgres", "", null));
        assertThat(options.syncInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.serviceJavaOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(options.fresh()).isTrue();
        assertThat(options.services()).containsExactly(StewardService.SELFSERVICE, StewardService.SYNC);
        assertThat(options.ports()).doesNotContainKey("directory-service (--directory-port)");
    }

    @Test
    void databasePrefixNamesTheDatabasesOfAThrowawayStack() {
        StackOptions options = parse("--postgres=jdbc:postgresql://127.0.0.1:5432/", "--db-prefix=faults_x1_");

        assertThat(options.database()).isEqualTo(new Database.PostgreSql("jdbc:postgresql://127.0.0.1:5432/",
                "faults_x1_", "postgres", "", null));
    }

    @Test
    void takesValuesFromSystemPropertiesWhenNoFlagIsGiven() {
        System.setProperty("steward.kafka-port", "29092");
        try {
            assertThat(parse().kafkaPort()).isEqualTo(29092);
            assertThat(parse("--kafka-port=39092").kafkaPort()).as("the flag wins").isEqualTo(39092);
        } finally {
            System.clearProperty("steward.kafka-port");
        }
    }

    @Test
    void refusesUnknownFlagsAndMalformedValues() {
        assertThatThrownBy(() -> parse("--kafka-prot=1")).isInstanceOfSatisfying(LauncherException.class,
                e -> assertThat(e.exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> parse("--ldap-port=70000")).hasMessageContaining("--ldap-port must be a port");
        assertThatThrownBy(() -> parse("--sync-interval=5m")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> parse("--skip=billing")).hasMessageContaining("unknown service 'billing'");
        assertThatThrownBy(() -> parse("--fresh=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessageContaining("needs a value");
    }

    @Test
    void namesEveryPortWithItsFlag() {
        Map<String, Integer> ports = parse().ports();

        assertThat(ports).containsEntry("Kafka (--kafka-port)", 9092)
                .containsEntry("LDAP (--ldap-port)", 3389)
                .containsEntry("sync-service (--sync-port)", 8082)
                .hasSize(7);
    }

    private static StackOptions parse(String... args) {
        return StackOptions.fromArguments(Arguments.parse(List.of(args), StackOptions.VALUED_FLAGS,
                StackOptions.SWITCHES));
    }
}
