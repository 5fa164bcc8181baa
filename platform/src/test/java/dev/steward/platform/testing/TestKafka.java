package dev.steward.platform.testing;

import dev.steward.platform.kafka.access.BrokerSecurity;
import dev.steward.platform.kafka.access.KafkaCredentials;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-JVM KRaft broker secured as the local stack's: SASL/SCRAM-SHA-512 for every principal with a random
 * password, the ACLs of {@code TopicAccess}, and the super user {@value BrokerSecurity#ADMIN} over SASL/PLAIN.
 * Tests get one through {@link AuthenticatedKafka}; {@link #client(KafkaPrincipal)} and {@link #clientConfig}
 * talk to it as a principal, {@link #adminConfig()} as the super user (for readers that inspect any topic).
 */
public final class TestKafka implements AutoCloseable {

    /** The listener names of Kafka's test kit. */
    private static final String CLIENT_LISTENER = "EXTERNAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final EmbeddedKafkaKraftBroker broker;
    private final String adminPassword;
    private final Map<KafkaPrincipal, String> passwords;

    private TestKafka(EmbeddedKafkaKraftBroker broker, String adminPassword, Map<KafkaPrincipal, String> passwords) {
        this.broker = broker;
        this.adminPassword = adminPassword;
        this.passwords = passwords;
    }

    /** Starts a broker whose topics get {@code partitions} partitions by default, with users and ACLs in place. */
    public static TestKafka start(int partitions) {
        String adminPassword = BrokerSecurity.newPassword();
        Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            passwords.put(principal, BrokerSecurity.newPassword());
        }
        var broker = new EmbeddedKafkaKraftBroker(1, partitions);
        Map<String, String> properties = new HashMap<>(
                BrokerSecurity.brokerProperties(CLIENT_LISTENER, CONTROLLER_LISTENER, adminPassword));
        broker.brokerProperties(properties);
        broker.brokerListProperty("steward.test.kafka.brokers");
        broker.afterPropertiesSet();
        TestKafka kafka = new TestKafka(broker, adminPassword, passwords);
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            BrokerSecurity.provision(admin, passwords, 30);
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
        return kafka;
    }

    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public String password(KafkaPrincipal principal) {
        return passwords.get(principal);
    }

    /** Bootstrap servers and the SCRAM credentials of {@code principal}. */
    public Map<String, Object> clientConfig(KafkaPrincipal principal) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putAll(BrokerSecurity.clientProperties(principal.userName(), passwords.get(principal)));
        return config;
    }

    /** Bootstrap servers and the super user's credentials. */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putAll(BrokerSecurity.adminClientProperties(adminPassword));
        return config;
    }

    /** The Spring properties a service running as {@code principal} needs to reach this broker. */
    public Map<String, Object> serviceProperties(KafkaPrincipal principal) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
        properties.put(KafkaCredentials.USERNAME, principal.userName());
        properties.put(KafkaCredentials.PASSWORD, passwords.get(principal));
        return properties;
    }

    /** A client that publishes as {@code principal} (with its {@code ce_source}) and reads as the super user. */
    public KafkaTestClient client(KafkaPrincipal principal) {
        return new KafkaTestClient(this, principal, null);
    }

    /** A client that publishes each topic as its owner: the producing service, or a command sender. */
    public KafkaTestClient owners() {
        return new KafkaTestClient(this, null, null);
    }

    /** A client that publishes as {@code principal} but claims {@code source} as its {@code ce_source}. */
    public KafkaTestClient client(KafkaPrincipal principal, String source) {
        return new KafkaTestClient(this, principal, source);
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
