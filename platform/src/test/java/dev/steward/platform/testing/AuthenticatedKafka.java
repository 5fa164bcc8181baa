package dev.steward.platform.testing;

import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Kafka of a Spring test: a {@link TestKafka} broker (SASL/SCRAM, the ACLs of {@code TopicAccess}) started with
 * the test's context and stopped with it, the service under test running as {@link #principal()} (its
 * {@code spring.kafka.bootstrap-servers}, {@code steward.kafka.username} and {@code steward.kafka.password} are set),
 * and beans {@link TestKafka} and {@link org.springframework.kafka.test.EmbeddedKafkaBroker} to inject. Use it
 * instead of {@code @EmbeddedKafka}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AuthenticatedKafka {

    /** Who the service under test is on the broker. */
    KafkaPrincipal principal();

    /** Partitions of topics created without a count. */
    int partitions() default 1;
}
