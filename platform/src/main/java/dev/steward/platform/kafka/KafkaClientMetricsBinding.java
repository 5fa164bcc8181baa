package dev.steward.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Binds the client metrics of every consumer a {@link DefaultKafkaConsumerFactory} bean creates, in place of
 * Spring Boot's binding: the same spring-kafka {@link MicrometerConsumerListener}, but new client metrics (a
 * partition's {@code records-lag} appears only once the partition is assigned and fetched) are looked for every
 * {@code refreshInterval} instead of every 60 s.
 */
final class KafkaClientMetricsBinding implements BeanPostProcessor, DisposableBean {

    private final ObjectProvider<MeterRegistry> registry;
    private final Duration refreshInterval;
    private ThreadPoolTaskScheduler scheduler;

    KafkaClientMetricsBinding(ObjectProvider<MeterRegistry> registry, Duration refreshInterval) {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("steward.metrics.kafka-refresh-interval must be positive");
        }
        this.registry = registry;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory) {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters != null) {
                bind(factory, meters);
            }
        }
        return bean;
    }

    private <K, V> void bind(DefaultKafkaConsumerFactory<K, V> factory, MeterRegistry meters) {
        factory.getListeners().stream().filter(MicrometerConsumerListener.class::isInstance).toList()
                .forEach(factory::removeListener);
        factory.addListener(new RefreshingConsumerMetrics<>(meters, scheduler()));
    }

    private synchronized ThreadPoolTaskScheduler scheduler() {
        if (scheduler == null) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("kafka-metrics-");
            scheduler.setDaemon(true);
            scheduler.initialize();
        }
        return scheduler;
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    private final class RefreshingConsumerMetrics<K, V> extends MicrometerConsumerListener<K, V> {

        RefreshingConsumerMetrics(MeterRegistry meterRegistry, ThreadPoolTaskScheduler taskScheduler) {
            super(meterRegistry, taskScheduler);
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
            return new KafkaClientMetrics(consumer, tags, this.scheduler, refreshInterval);
        }
    }
}
