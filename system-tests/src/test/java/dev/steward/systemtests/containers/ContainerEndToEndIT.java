package dev.steward.systemtests.containers;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.steward.launcher.auth.AuthorizationCodeLogin;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.scenario.SourceOfAuthorityScenario;
import dev.steward.launcher.token.Grants;
import dev.steward.systemtests.service.Deployable;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The composed system ({@code docker compose up} of compose.yaml, images built from the jars of this build) walking
 * the same {@link SourceOfAuthorityScenario} as the process-based {@code StackEndToEndIT}: tokens from the
 * auth-server container (the authorization code grant, as {@code ./steward token}), the rename in AD through the ldap
 * container. Skipped where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ContainerEndToEndIT {

    /** The secrets the compose file takes from .env (see its header). */
    private static final List<String> SECRETS = List.of("STEWARD_KAFKA_ADMIN_PASSWORD",
            "STEWARD_KAFKA_PASSWORD_DIRECTORY", "STEWARD_KAFKA_PASSWORD_SELFSERVICE", "STEWARD_KAFKA_PASSWORD_SYNC",
            "STEWARD_KAFKA_PASSWORD_AUDIT", "STEWARD_KAFKA_PASSWORD_COMMAND_SENDER", "STEWARD_SYNC_CLIENT_SECRET",
            "STEWARD_SELFSERVICE_CLIENT_SECRET", "STEWARD_USER_PASSWORD", "STEWARD_POSTGRES_PASSWORD");
    private static final List<Deployable> SERVICES = List.of(Deployable.DIRECTORY, Deployable.SELFSERVICE,
            Deployable.SYNC, Deployable.AUDIT, Deployable.AUTH_SERVER);
    private static final int LDAP_PORT = 3389;

    private static final Map<String, String> environment = new LinkedHashMap<>();
    private static ComposeContainer compose;

    @BeforeAll
    static void composeUp() {
        SecureRandom random = new SecureRandom();
        for (String secret : SECRETS) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            environment.put(secret, HexFormat.of().formatHex(bytes));
        }
        compose = new ComposeContainer(Deployable.repositoryRoot().resolve("compose.yaml").toFile())
                .withEnv(environment)
                .withBuild(true)
                .withExposedService("ldap", LDAP_PORT, Wait.forHealthcheck())
                .withStartupTimeout(Duration.ofMinutes(8));
        for (Deployable service : SERVICES) {
            compose.withExposedService(service.module(), service.configuredPort(), Wait.forHealthcheck());
        }
        compose.start();
    }

    @AfterAll
    static void composeDown() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void switchesTheSourceOfAuthorityOfASyncedGroupToTheCloudAndBack() throws Exception {
        AuthorizationCodeLogin login = new AuthorizationCodeLogin(url(Deployable.AUTH_SERVER));
        SourceOfAuthorityScenario.Tokens tokens = (upn, wids) -> {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("steward_lifetime", Duration.ofHours(1).toString());
            if (!wids.isEmpty()) {
                overrides.put("steward_wids", String.join(" ", wids));
            }
            return login.login(upn, environment.get("STEWARD_USER_PASSWORD"),
                    String.join(" ", Grants.defaultFor(upn).scopes()), overrides);
        };
        new SourceOfAuthorityScenario(new SourceOfAuthorityScenario.Endpoints(url(Deployable.DIRECTORY),
                url(Deployable.SELFSERVICE), url(Deployable.SYNC), url(Deployable.AUDIT)), tokens,
                () -> new LDAPConnection(compose.getServiceHost("ldap", LDAP_PORT),
                        compose.getServicePort("ldap", LDAP_PORT), SeedDirectory.BIND_DN,
                        SeedDirectory.BIND_PASSWORD)).run();
    }

    private static String url(Deployable service) {
        int port = service.configuredPort();
        return "http://" + compose.getServiceHost(service.module(), port) + ":"
                + compose.getServicePort(service.module(), port);
    }
}
