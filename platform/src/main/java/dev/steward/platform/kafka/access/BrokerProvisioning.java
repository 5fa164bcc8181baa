package dev.steward.platform.kafka.access;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * Sets up a broker's users and ACLs from the command line, for brokers the launcher does not start (containers,
 * production): {@code java -cp <a service jar> -Dloader.main=dev.steward.platform.kafka.access.BrokerProvisioning
 * org.springframework.boot.loader.launch.PropertiesLauncher}, with {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code STEWARD_KAFKA_ADMIN_PASSWORD} (the super user's, SASL/PLAIN) and one {@code STEWARD_KAFKA_PASSWORD_<P>} per
 * principal ({@code DIRECTORY}, {@code SELFSERVICE}, {@code SYNC}, {@code AUDIT}, {@code COMMAND_SENDER}) in the
 * environment. {@code KAFKA_SECURITY_PROTOCOL} ({@code SASL_PLAINTEXT} by default, {@code SASL_SSL} on a network)
 * and the usual {@code ssl.*} client settings as {@code KAFKA_SSL_TRUSTSTORE_LOCATION} etc. apply.
 */
public final class BrokerProvisioning {

    static final String PASSWORD_PREFIX = "STEWARD_KAFKA_PASSWORD_";

    private BrokerProvisioning() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try (Admin admin = Admin.create(adminConfig(env))) {
            BrokerSecurity.provision(admin, passwords(env), 120);
        }
        System.out.println("Kafka users and ACLs of " + KafkaPrincipal.values().length + " principals are in place");
    }

    static Map<String, Object> adminConfig(Map<String, String> env) {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.adminClientProperties(
                required(env, "STEWARD_KAFKA_ADMIN_PASSWORD")));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, required(env, "KAFKA_BOOTSTRAP_SERVERS"));
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                env.getOrDefault("KAFKA_SECURITY_PROTOCOL", BrokerSecurity.SASL_PLAINTEXT));
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_SSL_")) {
                config.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return config;
    }

    static Map<KafkaPrincipal, String> passwords(Map<String, String> env) {
        Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            passwords.put(principal, required(env, PASSWORD_PREFIX + principal.name()));
        }
        return passwords;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }
}
