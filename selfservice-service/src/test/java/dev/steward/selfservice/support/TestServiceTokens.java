package dev.steward.selfservice.support;

import dev.steward.platform.security.ServiceTokens;
import dev.steward.platform.testing.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The self-service app's token in tests ({@link TestTokens#selfService()}: app role {@code GroupMember.ReadWrite.All}),
 * signed by the test key, so no authorization server is needed. The client credentials flow itself is tested in
 * auth-server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServiceTokens {

    public static final String SELFSERVICE_TOKEN = TestTokens.selfService();

    @Bean
    ServiceTokens serviceTokens() {
        return () -> SELFSERVICE_TOKEN;
    }
}
