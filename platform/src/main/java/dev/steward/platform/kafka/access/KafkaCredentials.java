package dev.steward.platform.kafka.access;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;

/**
 * Turns {@code steward.kafka.username} and {@code steward.kafka.password} into the SASL/SCRAM-SHA-512 settings of
 * every Kafka client the service builds from {@code spring.kafka.*} (producers, consumers, the admin, the
 * dead-letter producer). The protocol is {@code SASL_PLAINTEXT} unless {@code spring.kafka.security.protocol} says
 * otherwise ({@code SASL_SSL} in production, with {@code spring.kafka.ssl.*}). Without a user name nothing is
 * added: the client then talks to the broker unauthenticated, which a Steward broker refuses.
 */
public class KafkaCredentials implements BeanPostProcessor {

    public static final String USERNAME = BrokerSecurity.USERNAME_PROPERTY;
    public static final String PASSWORD = BrokerSecurity.PASSWORD_PROPERTY;

    private final Environment environment;

    public KafkaCredentials(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaProperties properties) {
            apply(properties);
        }
        return bean;
    }

    void apply(KafkaProperties properties) {
        String username = environment.getProperty(USERNAME, "");
        if (username.isBlank()) {
            return;
        }
        String password = environment.getProperty(PASSWORD, "");
        if (password.isEmpty()) {
            throw new IllegalStateException(USERNAME + " is set but " + PASSWORD + " is empty");
        }
        String application = environment.getProperty("spring.application.name", "");
        KafkaPrincipal principal = KafkaPrincipal.byUserName(username);
        if (principal != null && principal.isService() && !username.equals(application)) {
            throw new IllegalStateException(USERNAME + " " + username + " is not this service ("
                    + application + "): its records would carry ce_source /steward/" + application
                    + " and be refused by every consumer");
        }
        BrokerSecurity.clientProperties(username, password).forEach((key, value) -> {
            if (!key.equals("security.protocol")) {
                properties.getProperties().put(key, value.toString());
            }
        });
        if (properties.getSecurity().getProtocol() == null) {
            properties.getSecurity().setProtocol(BrokerSecurity.SASL_PLAINTEXT);
        }
    }
}
