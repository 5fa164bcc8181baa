package dev.steward.audit.directoryaudit.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link AuditRetention} in the background. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {
}
