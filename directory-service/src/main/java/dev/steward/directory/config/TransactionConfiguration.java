package dev.steward.directory.config;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Kafka commands run a polled batch in one transaction, each command in an Axon unit of work that joins it. A
 * command refused by a rule rolls its unit of work back; that must not doom the batch's transaction, since the
 * refusal wrote nothing (aggregates check before they apply events). Any real failure still rolls the batch back:
 * the listener then runs its commands one by one.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> participantsDoNotDoomTheBatch() {
        return manager -> manager.setGlobalRollbackOnParticipationFailure(false);
    }
}
