package dev.steward.sync.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

    /** Ids of cycles, commands and log entries; a bean so tests can make them predictable. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
