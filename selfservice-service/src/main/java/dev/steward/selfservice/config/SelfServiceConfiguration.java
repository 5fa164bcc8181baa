package dev.steward.selfservice.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RequestLifecycleProperties.class, LicensingProperties.class})
class SelfServiceConfiguration {

    @Bean
    IdGenerator idGenerator() {
        return IdGenerator.random();
    }
}
