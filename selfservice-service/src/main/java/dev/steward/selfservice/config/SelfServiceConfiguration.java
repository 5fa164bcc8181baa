package dev.steward.selfservice.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SelfServiceConfiguration {

    @Bean
    IdGenerator idGenerator() {
        return IdGenerator.random();
    }
}
