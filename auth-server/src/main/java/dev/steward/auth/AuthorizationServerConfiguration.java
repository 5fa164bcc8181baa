package dev.steward.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The endpoints (token, authorize, JWK set, OIDC and RFC 8414 discovery), the registered clients, the signing key and
 * the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** Client setting: the application roles a service's tokens carry. */
    static final String ROLES = "steward.roles";
    /** Client setting: the application's display name ({@code app_displayname}). */
    static final String DISPLAY_NAME = "steward.display-name";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("steward.auth.issuer is required (e.g. http://127.0.0.1:9000)");
        }
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthServerProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (AuthServerProperties.ServiceClient service : properties.clients()) {
            if (service.id() == null || service.secret() == null || service.secret().isBlank()) {
                throw new IllegalStateException("every steward.auth.clients entry needs an id and a secret");
            }
            clients.add(RegisteredClient.withId(service.id())
                    .clientId(service.id())
                    .clientName(service.displayName() == null ? service.id() : service.displayName())
                    .clientSecret("{noop}" + service.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(ClientSettings.builder()
                            .setting(ROLES, List.copyOf(service.roles()))
                            .setting(DISPLAY_NAME, service.displayName() == null ? service.id() : service.displayName())
                            .build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.serviceTokenLifetime())
                            .build())
                    .build());
        }
        AuthServerProperties.Cli cli = properties.cli();
        clients.add(RegisteredClient.withId(cli.id())
                .clientId(cli.id())
                .clientName(cli.displayName())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(cli.redirectUri())
                .scopes(scopes -> scopes.addAll(cli.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .setting(DISPLAY_NAME, cli.displayName())
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.userTokenLifetime()).build())
                .build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The users of the users file, with their passwords as written there (the local stack's generated ones). */
    @Bean
    UserDetailsService users(AuthServerProperties properties) {
        UserFile file = new UserFile(properties.usersFile());
        return name -> file.find(name)
                .map(user -> org.springframework.security.core.userdetails.User.withUsername(user.userPrincipalName())
                        .password("{noop}" + user.password()).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> entraClaims(AuthServerProperties properties) {
        return new EntraClaims(properties, new UserFile(properties.usersFile()));
    }

    /** A signing key made at start: services read it from the JWK set, so nothing has to be shared with them. */
    @Bean
    JWKSource<SecurityContext> signingKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                    .privateKey((RSAPrivateKey) keys.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
