package dev.steward.systemtests.compose;

import static dev.steward.systemtests.service.Manifests.list;
import static dev.steward.systemtests.service.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.service.StewardService;
import dev.steward.launcher.stack.LocalStack;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import dev.steward.launcher.token.Grants;
import dev.steward.launcher.token.SeedUser;
import dev.steward.launcher.token.SeedUsers;
import dev.steward.platform.kafka.access.BrokerSecurity;
import dev.steward.systemtests.image.ImageBuild;
import dev.steward.systemtests.service.BoundProperties;
import dev.steward.systemtests.service.Deployable;
import dev.steward.systemtests.service.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** compose.yaml against the services it runs and the local stack it stands for. */
class ComposeFileTest {

    private static final Path ROOT = Deployable.repositoryRoot();
    private static final Map<String, Object> COMPOSE = Manifests.document(ROOT.resolve("compose.yaml"));
    private static final Map<String, Object> SERVICES = map(COMPOSE.get("services"));
    private static final String VERSION = System.getProperty("steward.version", "0.1.0-SNAPSHOT");
    /** Set by the image's ENV (deploy/Dockerfile): the port and the bind address. */
    private static final Set<String> SET_BY_THE_IMAGE = Set.of("server.port", "server.address");
    /** The local stack's default is H2 files; compose runs PostgreSQL, as {@code ./steward up --postgres} does. */
    private static final String POSTGRESQL_INSTEAD_OF_H2 = "spring.datasource.";

    @Test
    void hasNoVersionKeyAndRunsEveryImageAndItsDependencies() {
        assertThat(COMPOSE).doesNotContainKey("version").containsEntry("name", "steward");
        assertThat(SERVICES.keySet()).contains("kafka", "kafka-access", "ldap", "postgres");
        for (Deployable service : Deployable.values()) {
            assertThat(SERVICES).as("a container of %s", service).containsKey(service.module());
        }
    }

    @Test
    void pinsEveryImageToAReleaseTag() {
        SERVICES.forEach((name, definition) -> {
            String image = (String) map(definition).get("image");
            assertThat(image).as("image of %s", name).isNotNull().doesNotContain("latest");
            if (image.startsWith("steward/")) {
                assertThat(image).as("%s, built here", name).matches("steward/[a-z-]+:" + VERSION.replace(".", "\\."));
            } else {
                assertThat(image).as("image of %s", name).matches("[a-z0-9/.-]+:\\d+(\\.\\d+)+");
            }
        });
    }

    /** Built images carry the module and its configured port as build arguments, and the image name says which. */
    @Test
    void buildsEachStewardImageFromTheDockerfileWithItsModuleAndPort() {
        SERVICES.forEach((name, definition) -> {
            Map<String, Object> build = map(map(definition).get("build"));
            if (build.isEmpty()) {
                return;
            }
            assertThat(build).as("build of %s", name).containsEntry("context", ".")
                    .containsEntry("dockerfile", "deploy/Dockerfile");
            Map<String, String> args = new LinkedHashMap<>();
            map(build.get("args")).forEach((argument, value) -> args.put(argument, String.valueOf(value)));
            Deployable built = Deployable.byModule((String) args.get("SERVICE")).orElseThrow();
            assertThat(args).as("build arguments of %s", name)
                    .isEqualTo(new LinkedHashMap<>(ImageBuild.buildArguments(built)));
            assertThat(map(definition).get("image")).isEqualTo("steward/" + built.module() + ":" + VERSION);
        });
    }

    /**
     * Every long-running container has a health check, its own or its image's HEALTHCHECK (only when it runs the
     * image's entrypoint); a one-shot container disables it and is waited for until it completes.
     */
    @Test
    void everyContainerHasAHealthCheckAndDependsOnlyOnHealthyOrCompletedOnes() {
        SERVICES.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            Map<String, Object> healthCheck = map(service.get("healthcheck"));
            boolean runsTheImagesEntrypoint = service.containsKey("build") && !service.containsKey("entrypoint");
            if (Boolean.TRUE.equals(healthCheck.get("disable"))) {
                assertThat(service).as("%s is a one-shot", name).doesNotContainKey("restart");
                return;
            }
            assertThat(runsTheImagesEntrypoint || !list(healthCheck.get("test")).isEmpty())
                    .as("%s has a health check", name).isTrue();
            assertThat(service.get("restart")).as("restart policy of %s", name).isEqualTo("unless-stopped");
        });
        SERVICES.forEach((name, definition) -> map(map(definition).get("depends_on")).forEach((dependency, how) -> {
            String condition = (String) map(how).get("condition");
            boolean oneShot = Boolean.TRUE.equals(map(map(SERVICES.get(dependency)).get("healthcheck")).get("disable"));
            assertThat(condition).as("%s waits for %s", name, dependency)
                    .isEqualTo(oneShot ? "service_completed_successfully" : "service_healthy");
        }));
    }

    @Test
    void publishesEachServiceOnItsConfiguredPortOnTheLoopbackOnly() {
        for (Deployable service : Deployable.values()) {
            int port = service.configuredPort();
            assertThat(list(map(SERVICES.get(service.module())).get("ports"))).as("ports of %s", service)
                    .containsExactly("127.0.0.1:" + port + ":" + port);
            assertThat(environment(service.module())).doesNotContainKey("SERVER_PORT");
        }
    }

    @Test
    void everyEnvironmentNameIsAPropertyTheServiceBinds() {
        for (Deployable service : Deployable.values()) {
            BoundProperties bound = BoundProperties.of(service);
            assertThat(environment(service.module()).keySet()).as("environment of %s", service)
                    .isNotEmpty().allSatisfy(name -> assertThat(bound.binds(name))
                            .as("%s binds %s", service.module(), name).isTrue());
        }
    }

    /** What the launcher gives each service (LocalStack.properties, its secrets) the compose file gives it too. */
    @Test
    void configuresEachServiceAsTheLocalStackDoes() {
        StackOptions options = new StackOptions().layout(new StackLayout(Path.of("target", "compose-stack")));
        LocalStack stack = new LocalStack(options, System.out);
        for (StewardService service : StewardService.values()) {
            Map<String, String> launcher = new LinkedHashMap<>(stack.properties(service));
            launcher.put(BrokerSecurity.USERNAME_PROPERTY, service.module());
            launcher.put(BrokerSecurity.PASSWORD_PROPERTY, null);
            if (service == StewardService.SYNC || service == StewardService.SELFSERVICE) {
                launcher.put("steward.client.secret", null);
            }
            assertConfiguredAsTheLauncherDoes(Deployable.byModule(service.module()).orElseThrow(), launcher);
        }
        Map<String, String> authServer = new LinkedHashMap<>(AuthServer.properties(9000,
                new StackLayout(Path.of("target", "compose-stack"))));
        authServer.put("steward.auth.clients", null);
        assertConfiguredAsTheLauncherDoes(Deployable.AUTH_SERVER, authServer);
    }

    @Test
    void signsInTheUsersOfTheSeedForestWithTheirDefaultGrants() {
        String content = (String) map(map(COMPOSE.get("configs")).get("auth-users")).get("content");
        JsonNode users = JsonMapper.builder().build().readTree(content.replaceAll("\\$\\{[^}]*}", "password"))
                .path("users");
        List<SeedUser> seed = List.copyOf(SeedUsers.seed().all());
        assertThat(users.size()).isEqualTo(seed.size());
        for (SeedUser user : seed) {
            JsonNode entry = StreamSupport.stream(users.spliterator(), false)
                    .filter(u -> u.path("userPrincipalName").asString().equals(user.userPrincipalName()))
                    .findFirst().orElseThrow(() -> new AssertionError(user.userPrincipalName() + " missing"));
            assertThat(entry.path("objectId").asString()).isEqualTo(user.cloudId());
            assertThat(entry.path("displayName").asString()).isEqualTo(user.displayName());
            assertThat(StreamSupport.stream(entry.path("wids").spliterator(), false).map(JsonNode::asString))
                    .containsExactlyElementsOf(Grants.defaultFor(user.userPrincipalName()).wids());
        }
        assertThat(list(map(SERVICES.get("auth-server")).get("configs")).toString()).contains("/config/users.json");
        assertThat(environment("auth-server")).containsEntry("STEWARD_AUTH_USERS_FILE", "/config/users.json");
    }

    /** The ldap container serves the launcher's seed forest with the schema generated from the launcher's. */
    @Test
    void mountsTheSeedForestAndTheSchemaIntoTheDirectory() {
        List<Object> volumes = list(map(SERVICES.get("ldap")).get("volumes"));
        assertThat(volumes).contains("./deploy/ldap/schema.ldif:/ldap/schema.ldif:ro",
                "./launcher/src/main/resources/seed/corp.example.test.ldif:/ldap/corp.example.test.ldif:ro");
        for (Object volume : volumes) {
            assertThat(ROOT.resolve(volume.toString().split(":")[0])).isRegularFile();
        }
        assertThat(Files.isRegularFile(ROOT.resolve("deploy/postgres/init.sql"))).isTrue();
    }

    private static void assertConfiguredAsTheLauncherDoes(Deployable service, Map<String, String> launcher) {
        BoundProperties bound = BoundProperties.of(service);
        Map<String, String> compose = new HashMap<>();
        environment(service.module()).forEach((name, value) -> bound.property(name)
                .ifPresent(property -> compose.put(property, value)));
        launcher.forEach((property, value) -> {
            if (SET_BY_THE_IMAGE.contains(property)) {
                return;
            }
            Optional<String> set = compose.keySet().stream()
                    .filter(name -> name.equals(property) || name.startsWith(property + ".")).findFirst();
            assertThat(set).as("compose sets %s of %s as the launcher does", property, service.module()).isPresent();
            String composeValue = Manifests.withDefaults(compose.get(set.get()));
            if (value != null && composeValue != null && !value.contains("127.0.0.1")
                    && !property.endsWith("users-file") && !property.startsWith(POSTGRESQL_INSTEAD_OF_H2)) {
                assertThat(composeValue).as("%s of %s", property, service.module()).isEqualTo(value);
            }
        });
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(map(SERVICES.get(service)).get("environment"))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }
}
