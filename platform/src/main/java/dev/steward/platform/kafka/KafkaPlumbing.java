package dev.steward.platform.kafka;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import dev.steward.contracts.kafka.ContractSerializer;
import dev.steward.platform.kafka.access.KafkaCredentials;
import dev.steward.platform.security.UnauthenticatedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Contract messages on Kafka: JSON with CloudEvents headers, producers with {@code acks=all} and idempotence,
 * consumers that never stop on a bad record (it goes to {@code <topic>-dlt} with the reason in
 * {@value CloudEventHeaders#DEAD_LETTER_REASON}, without its {@value CloudEventHeaders#AUTHORIZATION} header) and wait out database and broker outages instead of dead-lettering
 * good records, and every topic declared.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaPlumbing {

    /**
     * The largest record a producer sends, set on purpose to the broker's default {@code message.max.bytes}: contract
     * messages are bounded by construction (at most 1,000 ids each) and stay far below it; a record over it is
     * refused at once ({@link ContractPublisher.PublishRefusedException}) instead of being retried forever.
     */
    public static final int MAX_RECORD_BYTES = 1_048_576;

    /** The service's broker credentials ({@code steward.kafka.username/password}) in every Kafka client it builds. */
    @Bean
    static KafkaCredentials kafkaCredentials(Environment environment) {
        return new KafkaCredentials(environment);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer contractProducer(@Value("${spring.application.name:steward}") String service) {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ContractSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ContractSerializer.SOURCE_CONFIG, "/steward/" + service));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer contractConsumer() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ProducerCheckingDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    }

    /**
     * Every consumer's client metrics (among them {@code kafka.consumer.fetch.manager.records.lag} per topic and
     * partition) bound to the meter registry and looked for again every {@code steward.metrics.kafka-refresh-interval}
     * (default 10 s), so a partition's lag shows soon after it is assigned.
     */
    @Bean
    static KafkaClientMetricsBinding kafkaClientMetricsBinding(ObjectProvider<MeterRegistry> registry,
            @Value("${steward.metrics.kafka-refresh-interval:10s}") Duration refreshInterval) {
        return new KafkaClientMetricsBinding(registry, refreshInterval);
    }

    @Bean
    KafkaTemplate<String, ContractMessage> kafkaTemplate(ProducerFactory<String, ContractMessage> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    ContractPublisher contractPublisher(KafkaTemplate<String, ContractMessage> kafkaTemplate) {
        return new ContractPublisher(kafkaTemplate);
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaProperties properties,
                                                 @Value("${spring.application.name:steward}") String service,
                                                 ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ContractSerializer.SOURCE_CONFIG, "/steward/" + service);
        var serializer = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                ContractMessage.class, new ContractSerializer()), true);
        serializer.configure(config, false);
        var producerFactory = new DefaultKafkaProducerFactory<String, Object>(config, new StringSerializer(), serializer);
        MeterRegistry registry = meterRegistry.getIfAvailable();
        if (registry != null) {
            producerFactory.addListener(new MicrometerProducerListener<>(registry));
        }
        KafkaTemplate<String, Object> deadLetters = new KafkaTemplate<>(producerFactory);
        var recoverer = new CredentialFreeDeadLetters(deadLetters, registry);
        recoverer.setHeadersFunction((record, exception) -> {
            var headers = new RecordHeaders();
            headers.add(CloudEventHeaders.DEAD_LETTER_REASON, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2));
        handler.setBackOffFunction(OutageBackOff::forFailure);
        handler.addNotRetryableExceptions(DeserializationException.class, MalformedMessageException.class,
                UnauthenticatedException.class, IllegalArgumentException.class);
        return handler;
    }

    /**
     * Every Steward topic and its dead-letter topic, created at start when missing (an existing topic keeps its
     * settings). {@code steward.kafka.replication-factor} and {@code steward.kafka.min-insync-replicas} default to 1
     * for the one-broker local stack; production runs 3 and 2, so that with {@code acks=all} a write survives the loss
     * of one broker and is refused rather than kept on a single copy (platform/README.md).
     */
    @Bean
    KafkaAdmin.NewTopics stewardTopics(@Value("${steward.kafka.partitions:3}") int partitions,
                                       @Value("${steward.kafka.replication-factor:1}") short replicationFactor,
                                       @Value("${steward.kafka.min-insync-replicas:1}") int minInsyncReplicas) {
        return new KafkaAdmin.NewTopics(topics(partitions, replicationFactor, minInsyncReplicas).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topics(int partitions, short replicationFactor, int minInsyncReplicas) {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("steward.kafka.min-insync-replicas (" + minInsyncReplicas + ") must be "
                    + "between 1 and steward.kafka.replication-factor (" + replicationFactor + ")");
        }
        Map<String, String> configs = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(Topics.DIRECTORY_COMMANDS, Topics.DIRECTORY_COMMAND_RESULTS, Topics.DIRECTORY_EVENTS,
                Topics.SELFSERVICE_COMMANDS, Topics.SELFSERVICE_COMMAND_RESULTS, Topics.SELFSERVICE_EVENTS,
                Topics.SELFSERVICE_NOTIFICATIONS, Topics.SYNC_EVENTS)) {
            topics.add(new NewTopic(topic, partitions, replicationFactor).configs(configs));
            topics.add(new NewTopic(Topics.deadLetter(topic), partitions, replicationFactor).configs(configs));
        }
        return topics;
    }

    /**
     * Dead letters keep the original record's headers except its bearer token: a dead-letter topic is read by
     * operators and kept for long, and a token read off it could be replayed while it is valid. Each one published is
     * counted in {@value #DEAD_LETTERS_METER}, tagged with the record's topic and the reason's exception class.
     */
    static final class CredentialFreeDeadLetters extends DeadLetterPublishingRecoverer {

        private final MeterRegistry registry;

        CredentialFreeDeadLetters(KafkaTemplate<String, Object> template, MeterRegistry registry) {
            super(template);
            this.registry = registry;
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
            super.accept(record, consumer, exception);
            if (registry != null) {
                Counter.builder(DEAD_LETTERS_METER)
                        .description("Records this service sent to a dead-letter topic")
                        .tag("topic", record.topic())
                        .tag("reason", reasonClass(exception))
                        .register(registry)
                        .increment();
            }
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
            ProducerRecord<Object, Object> deadLetter = super.createProducerRecord(record, topicPartition, headers,
                    key, value);
            deadLetter.headers().remove(CloudEventHeaders.AUTHORIZATION);
            return deadLetter;
        }
    }

    /** Counter of dead letters published, tags {@code topic} and {@code reason} (the cause's class). */
    public static final String DEAD_LETTERS_METER = "steward.kafka.dead.letters";

    /**
     * The simple class name of the cause: {@code MalformedMessageException} for a record that is not its contract,
     * {@code UnauthenticatedException} for a command without a valid token, else the root cause (e.g.
     * {@code SerializationException} for a wrong {@code ce_source} or no {@code ce_type}). Few values, fit for a tag.
     */
    static String reasonClass(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof MalformedMessageException)
                && !(cause instanceof UnauthenticatedException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    /** The innermost cause's message: what went wrong, not which layer noticed. */
    static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof DeserializationException || cause instanceof MalformedMessageException) {
                break;
            }
        }
        String message = cause.getMessage();
        if (cause instanceof DeserializationException && cause.getCause() != null) {
            message = cause.getCause().getMessage();
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
