package dev.steward.platform.security;

import dev.steward.platform.operations.OperationsEndpoints;
import dev.steward.platform.web.GraphErrors;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
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
 * decided by the services' named policies on {@link Caller}, the same for HTTP and Kafka. Health answers without a
 * token; so do the operations endpoints ({@link OperationsEndpoints}) unless
 * {@code steward.security.protect-operations=true}, which requires a token with
 * {@link Permissions#OPERATIONS_READ}. A service's own public paths (e.g. the static files of a web page, which
 * signs in by itself) are listed in {@code steward.security.public-paths} (Ant-style patterns, none by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StewardSecurityProperties.class, ServiceClientProperties.class})
public class ApiSecurityConfiguration {

    /** Paths answered without a token, as a list or comma-separated: only static files, never an API. */
    public static final String PUBLIC_PATHS = "steward.security.public-paths";

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
    SecurityFilterChain stewardApiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, GraphErrors errors,
            @Value("${steward.security.protect-operations:false}") boolean protectOperations, Environment environment)
            throws Exception {
        String[] publicPaths = Binder.get(environment)
                .bind(PUBLIC_PATHS, Bindable.listOf(String.class)).orElse(List.of()).toArray(String[]::new);
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
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            .requestMatchers(OperationsEndpoints.PATHS).access(operations(protectOperations));
                    if (publicPaths.length > 0) {
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /** Anyone when unprotected; else an authenticated caller with {@link Permissions#OPERATIONS_READ}. */
    static AuthorizationManager<RequestAuthorizationContext> operations(boolean protect) {
        if (!protect) {
            return (authentication, context) -> new AuthorizationDecision(true);
        }
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken token
                        && Caller.from((Jwt) token.getPrincipal()).hasPermission(Permissions.OPERATIONS_READ));
    }
}
