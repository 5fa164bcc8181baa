package dev.steward.platform.security;

import dev.steward.platform.web.GraphErrors;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every endpoint is an OAuth2 resource server endpoint: a valid bearer token or 401. What a caller may do is
 * decided by the services' named policies on {@link Caller}, the same for HTTP and Kafka.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StewardSecurityProperties.class, ServiceClientProperties.class})
public class ApiSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(StewardSecurityProperties properties) {
        return TokenValidation.decoder(properties);
    }

    /** A service that sends on its own behalf configures {@code steward.client.id} and gets its tokens here. */
    @Bean
    @ConditionalOnMissingBean(ServiceTokens.class)
    @ConditionalOnProperty("steward.client.id")
    ServiceTokens serviceTokens(ServiceClientProperties client, Clock clock) {
        return new ClientCredentialsTokens(client, clock);
    }

    @Bean
    KafkaCommandAuthenticator kafkaCommandAuthenticator(JwtDecoder jwtDecoder) {
        return new KafkaCommandAuthenticator(jwtDecoder);
    }

    @Bean
    SecurityFilterChain stewardApiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, GraphErrors errors) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            String header = request.getHeader("Authorization");
            errors.write(request, response, 401, UnauthenticatedException.CODE,
                    header == null || header.isBlank() ? "Access token is empty." : "Access token validation failure.");
        };
        AccessDeniedHandler denied = (request, response, e) ->
                errors.write(request, response, 403, AccessDeniedException.CODE, AccessDeniedException.MESSAGE);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }
}
