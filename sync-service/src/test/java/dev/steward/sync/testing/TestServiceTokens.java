package dev.steward.sync.testing;

import dev.steward.platform.security.ServiceTokens;
import dev.steward.platform.testing.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The sync engine's token in tests: signed by the test key (the services under test trust it), so the tests need no
 * authorization server. The client credentials flow itself is tested against the real server in auth-server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServiceTokens {

    public static final String SYNC_ENGINE_TOKEN = TestTokens.syncEngine();

    @Bean
    ServiceTokens serviceTokens() {
        return () -> SYNC_ENGINE_TOKEN;
    }
}
