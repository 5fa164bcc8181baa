package dev.steward.sync.writeback;

import dev.steward.contracts.Initiator;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.lease.Leadership;
import dev.steward.platform.outbox.Outbox;
import dev.steward.sync.config.SyncProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Group Provisioning to AD. The store and the drift endpoints are always there (an empty list while write-back is
 * off); the event feed, the runner and the scheduler only with {@code steward.sync.writeback.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteBackProperties.class)
public class WriteBackConfiguration {

    @Bean
    WriteBackAnnouncer writeBackAnnouncer(Outbox outbox, TransactionTemplate transaction, IdGenerator ids, Clock clock,
                                          SyncProperties sync) {
        return new WriteBackAnnouncer(outbox, transaction, ids, clock,
                Initiator.app(sync.engine().appId(), sync.engine().appDisplayName()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "steward.sync.writeback.enabled", havingValue = "true")
    static class Enabled {

        @Bean
        AdGroupWriter adGroupWriter(SyncProperties sync, WriteBackProperties properties) {
            return new AdGroupWriter(sync, properties);
        }

        @Bean
        WriteBackRunner writeBackRunner(WriteBackStore store, AdGroupWriter writer, WriteBackProperties properties,
                                        IdGenerator ids, WriteBackAnnouncer announcer) {
            return new WriteBackRunner(store, writer, properties, ids, announcer);
        }

        @Bean
        WriteBackEvents writeBackEvents(WriteBackStore store) {
            return new WriteBackEvents(store);
        }

        @Bean
        DirectoryEventsFeed directoryEventsFeed(ConsumerFactory<?, ?> consumerFactory, WriteBackEvents events,
                                                WriteBackStore store, TransactionTemplate transaction) {
            return new DirectoryEventsFeed(consumerFactory, events, store, transaction);
        }

        @Bean
        WriteBackScheduler writeBackScheduler(WriteBackRunner runner, WriteBackStore store,
                                              WriteBackProperties properties, Clock clock, DatabaseLeases leases,
                                              SyncProperties sync) {
            return new WriteBackScheduler(runner, store, properties, clock, new Leadership(leases,
                    WriteBackScheduler.LEASE, Leadership.instanceName(), sync.engine().leaseDuration(), clock));
        }
    }
}
