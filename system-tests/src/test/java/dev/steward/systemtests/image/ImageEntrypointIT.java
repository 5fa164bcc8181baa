package dev.steward.systemtests.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.auth.StackUsers;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.process.ChildProcess;
import dev.steward.launcher.service.StewardService;
import dev.steward.launcher.stack.LocalStack;
import dev.steward.launcher.stack.Ports;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import dev.steward.launcher.token.SeedUsers;
import dev.steward.systemtests.service.Deployable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's image, built from {@code deploy/Dockerfile} without a container engine ({@link ImageBuild}): the
 * layered jar extracts with the Dockerfile's command into the image's layers, and the image's exact ENTRYPOINT,
 * started in its WORKDIR with its ENV, runs the service with the local stack's configuration (the launcher's
 * properties for each service: H2 files, the seed LDAP directory, the authorization server, here itself started from
 * its image, and a broker). Then the image's HEALTHCHECK command passes, and fails once the service is gone.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ImageEntrypointIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path buildRoot;
    private static final Map<Deployable, ImageBuild.Image> images = new EnumMap<>(Deployable.class);
    private static final Map<Deployable, ChildProcess> running = new EnumMap<>(Deployable.class);
    private static final Map<Deployable, Integer> ports = new EnumMap<>(Deployable.class);
    private static EmbeddedKafkaKraftBroker kafka;
    private static SeedDirectory directory;

    @BeforeAll
    static void buildTheImagesAndStartThem() throws Exception {
        List<String> missing = Stream.of(Deployable.values()).map(Deployable::jar)
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        assertThat(missing).as("build the service jars first (./mvnw -B -q -DskipTests package); missing").isEmpty();

        buildRoot = Files.createTempDirectory("steward-images");
        ImageBuild build = new ImageBuild(Deployable.repositoryRoot());
        Stream.of(Deployable.values()).parallel()
                .forEach(service -> {
                    ImageBuild.Image image = build.build(service, buildRoot.resolve(service.module()));
                    synchronized (images) {
                        images.put(service, image);
                    }
                });

        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        int kafkaPort = Integer.parseInt(kafka.getBrokersAsString().replaceAll(".*:", ""));
        StackLayout layout = new StackLayout(buildRoot.resolve("stack"));
        layout.createDirectories();
        StackOptions options = new StackOptions().repositoryRoot(Deployable.repositoryRoot()).layout(layout)
                .kafkaPort(kafkaPort).ldapPort(Ports.free());
        for (StewardService service : StewardService.values()) {
            options.servicePort(service, Ports.free());
        }
        directory = SeedDirectory.start(InetAddress.getLoopbackAddress(), options.ldapPort());
        StackUsers.writeAll(layout, SeedUsers.seed().all());
        LocalStack stack = new LocalStack(options, System.out);

        String syncSecret = UUID.randomUUID().toString();
        String selfServiceSecret = UUID.randomUUID().toString();
        String issuer = stack.properties(StewardService.DIRECTORY).get("steward.security.issuer");
        int authPort = URI.create(issuer).getPort();
        start(Deployable.AUTH_SERVER, authPort, AuthServer.properties(authPort, layout),
                AuthServer.clients(syncSecret, selfServiceSecret), layout);
        awaitUp(Deployable.AUTH_SERVER);

        for (StewardService service : StewardService.values()) {
            Map<String, Object> secrets = new LinkedHashMap<>();
            if (service == StewardService.SYNC) {
                secrets.put("steward.client.secret", syncSecret);
            }
            if (service == StewardService.SELFSERVICE) {
                secrets.put("steward.client.secret", selfServiceSecret);
            }
            start(Deployable.byModule(service.module()).orElseThrow(), options.servicePort(service),
                    stack.properties(service), secrets, layout);
        }
    }

    @AfterAll
    static void stopEverything() throws IOException {
        running.values().forEach(process -> process.stop(20));
        if (directory != null) {
            directory.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (buildRoot != null) {
            try (Stream<Path> paths = Files.walk(buildRoot)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The image's working directory holds exactly the jar's files, once each layer is copied, and not the jar. */
    @Test
    void layeredJarExtractsIntoTheImagesLayers() throws IOException {
        for (ImageBuild.Image image : images.values()) {
            Path app = image.workingDirectory();
            try (ZipFile jar = new ZipFile(image.service().jar().toFile())) {
                List<String> missing = jar.stream().filter(entry -> !entry.isDirectory())
                        .filter(entry -> !Files.isRegularFile(app.resolve(entry.getName()))
                                || size(app.resolve(entry.getName())) != entry.getSize())
                        .map(ZipEntry::getName).toList();
                assertThat(missing).as("files of %s's jar missing from the image", image.service()).isEmpty();
            }
            assertThat(app.resolve("org/springframework/boot/loader/launch/JarLauncher.class")).isRegularFile();
            assertThat(app.resolve("app.jar")).as("the fat jar stays in the build stage").doesNotExist();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void entrypointStartsEveryServiceAndItsHealthCheckPasses() {
        await("the services declared their topics on the broker").atMost(Duration.ofMinutes(1))
                .until(() -> kafka.doWithAdminFunction(admin -> {
                    try {
                        return admin.listTopics().names().get();
                    } catch (Exception e) {
                        return Set.<String>of();
                    }
                }), topics -> topics.containsAll(List.of("steward.directory.events", "steward.selfservice.events",
                        "steward.sync.events", "steward.directory.commands")));
        for (Deployable service : Deployable.values()) {
            awaitUp(service);
            assertThat(healthCheck(service)).as("the HEALTHCHECK of %s while it runs", service).isZero();
            for (String group : List.of("liveness", "readiness")) {
                assertThat(health(service, "/" + group)).as("the %s group of %s (deploy/k8s probes)", group, service)
                        .isEqualTo("UP");
            }
        }
    }

    @Test
    void healthCheckFailsWhenTheServiceIsDown() {
        Deployable audit = Deployable.AUDIT;
        awaitUp(audit);
        running.remove(audit).stop(20);

        assertThat(healthCheck(audit)).as("the HEALTHCHECK of a stopped service").isNotZero();
    }

    /**
     * The image's ENTRYPOINT with the launcher's properties of the service as arguments (as {@code docker run image
     * --name=value} appends them) and its secrets in {@code SPRING_APPLICATION_JSON}; the image's ENV, with the port
     * and bind address a test on a shared machine needs.
     */
    private static void start(Deployable service, int port, Map<String, String> properties, Map<String, Object> secrets,
                              StackLayout layout) {
        ImageBuild.Image image = images.get(service);
        List<String> command = new ArrayList<>();
        command.add(ImageBuild.hostExecutable(image.entrypoint().get(0)));
        command.addAll(image.entrypoint().subList(1, image.entrypoint().size()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Map<String, String> environment = new LinkedHashMap<>(image.environment());
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("STEWARD_BIND_ADDRESS", "127.0.0.1");
        environment.put("JAVA_TOOL_OPTIONS", StackOptions.DEFAULT_JAVA_OPTS);
        environment.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(secrets));
        ports.put(service, port);
        running.put(service, ChildProcess.start(service.module(), command, environment, image.workingDirectory(),
                layout.log(service.module())));
    }

    private static void awaitUp(Deployable service) {
        ChildProcess process = running.get(service);
        await(service.module() + " answers UP on /actuator/health").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .failFast(() -> assertThat(process.isAlive())
                        .as(() -> service.module() + " exited; its log:\n" + process.tail(60)).isTrue())
                .until(() -> health(service), "UP"::equals);
    }

    private static String health(Deployable service) {
        return health(service, "");
    }

    private static String health(Deployable service, String group) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(service)
                + "/actuator/health" + group)).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("status").asString("");
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Runs the image's HEALTHCHECK command as the engine would, with the container's environment. */
    private static int healthCheck(Deployable service) {
        ImageBuild.Image image = images.get(service);
        ProcessBuilder builder = new ProcessBuilder(image.healthCheck()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(image.environment());
        builder.environment().put("SERVER_PORT", Integer.toString(ports.get(service)));
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
