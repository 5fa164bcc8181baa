package dev.steward.systemtests.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.systemtests.service.Deployable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What {@link ImageEntrypointIT} cannot see by running the image outside a container: user, base image, layers. */
class DockerfileTest {

    /** An exact Temurin JRE release tag (e.g. {@code 17.0.15_6-jre-noble}), optionally with a digest. */
    private static final Pattern PINNED_BASE =
            Pattern.compile("eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-jre(-[a-z]+)?(@sha256:[0-9a-f]{64})?");
    private static final Pattern LAYER = Pattern.compile("^- \"([a-z-]+)\":", Pattern.MULTILINE);

    private final Dockerfile dockerfile = new ImageBuild(Deployable.repositoryRoot()).dockerfile();

    @Test
    void everyStageStartsFromThePinnedBaseImage() {
        String base = dockerfile.globalArguments().get("BASE_IMAGE");
        assertThat(base).matches(PINNED_BASE).doesNotContain("latest");
        assertThat(dockerfile.stages()).extracting(Dockerfile.Stage::base).containsOnly(base);
    }

    @Test
    void runsAsTheNonRootUserItCreates() {
        Dockerfile.Stage image = dockerfile.finalStage();
        String created = image.all("RUN").stream().map(Dockerfile.Instruction::arguments)
                .filter(command -> command.startsWith("useradd ")).findFirst().orElseThrow();
        Matcher uid = Pattern.compile("--uid (\\d+)").matcher(created);
        assertThat(uid.find()).as("useradd with a fixed uid: %s", created).isTrue();

        String user = image.only("USER").arguments();
        assertThat(user).isEqualTo(uid.group(1) + ":" + uid.group(1));
        assertThat(Integer.parseInt(uid.group(1))).as("not root").isPositive();
    }

    /** The runtime stage copies every layer of the jar's layers.idx, in its order (least often changed first). */
    @Test
    void copiesTheLayersOfTheLayeredJarInOrder() throws IOException {
        List<String> copied = dockerfile.finalStage().all("COPY").stream().map(Dockerfile.Instruction::arguments)
                .filter(args -> args.startsWith("--from=layers "))
                .map(args -> args.split("\\s+")[1].replaceAll("^/layers/extracted/|/$", ""))
                .toList();

        for (Deployable service : Deployable.values()) {
            assertThat(copied).as("layers of %s", service).containsExactlyElementsOf(layers(service));
        }
        assertThat(dockerfile.stage("layers").only("RUN").arguments())
                .isEqualTo("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted");
    }

    @Test
    void checksHealthOnTheActuatorAndStartsTheBootLauncher() {
        Dockerfile.Stage image = dockerfile.finalStage();
        assertThat(image.only("HEALTHCHECK").arguments()).contains("/actuator/health", "${SERVER_PORT}", " 200 ");
        assertThat(image.only("ENTRYPOINT").execForm()).first().isEqualTo("java");
        assertThat(image.only("ENTRYPOINT").execForm()).last()
                .isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(image.only("ENV").arguments()).contains("SERVER_PORT=${PORT}", "STEWARD_BIND_ADDRESS=0.0.0.0");
        assertThat(image.only("EXPOSE").arguments()).isEqualTo("${PORT}");
    }

    @Test
    void buildArgumentsGiveEveryServiceItsConfiguredPort() {
        assertThat(Map.of(Deployable.DIRECTORY, 8080, Deployable.SELFSERVICE, 8081, Deployable.SYNC, 8082,
                Deployable.AUDIT, 8083, Deployable.AUTH_SERVER, 9000))
                .allSatisfy((service, port) -> assertThat(ImageBuild.buildArguments(service))
                        .containsEntry("SERVICE", service.module()).containsEntry("PORT", port.toString()));
    }

    private static List<String> layers(Deployable service) throws IOException {
        try (ZipFile jar = new ZipFile(service.jar().toFile());
             InputStream index = jar.getInputStream(jar.getEntry("BOOT-INF/layers.idx"))) {
            Matcher layer = LAYER.matcher(new String(index.readAllBytes(), StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>();
            while (layer.find()) {
                names.add(layer.group(1));
            }
            return names;
        }
    }
}
