package dev.steward.systemtests.compose;

import static dev.steward.systemtests.service.Manifests.list;
import static dev.steward.systemtests.service.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.steward.contracts.DirectoryIds;
import dev.steward.launcher.ldap.AdIdentifiers;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.stack.Ports;
import dev.steward.systemtests.image.ImageBuild;
import dev.steward.systemtests.service.Deployable;
import dev.steward.systemtests.service.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two compose containers that run something other than their image's entrypoint, run here from the sync-service
 * image's file system ({@link ImageBuild}) with their exact compose entrypoint and volumes mapped to the repository's
 * files: the ldap container serves the seed forest, kafka-access reaches platform's BrokerProvisioning.
 */
class ComposeEntrypointsIT {

    private static final Path ROOT = Deployable.repositoryRoot();
    private static final Map<String, Object> SERVICES =
            map(Manifests.document(ROOT.resolve("compose.yaml")).get("services"));

    private static Path buildRoot;
    private static ImageBuild.Image image;

    @BeforeAll
    static void buildTheImage() throws IOException {
        buildRoot = Files.createTempDirectory("steward-compose");
        image = new ImageBuild(ROOT).build(Deployable.SYNC, buildRoot);
    }

    @AfterAll
    static void deleteTheImage() throws IOException {
        try (Stream<Path> paths = Files.walk(buildRoot)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void ldapContainerServesTheSeedForestToTheBindAccount() throws Exception {
        int port = Ports.free();
        List<String> command = new ArrayList<>(entrypoint("ldap"));
        command.set(command.indexOf("--port") + 1, Integer.toString(port));
        Process ldap = start(command, ProcessBuilder.Redirect.to(buildRoot.resolve("ldap.log").toFile()));
        try {
            LDAPConnection connection = await("the ldap container answers").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> new LDAPConnection("127.0.0.1", port, SeedDirectory.BIND_DN,
                            SeedDirectory.BIND_PASSWORD), LDAPConnection::isConnected);
            try (connection) {
                SearchResultEntry engineering = connection.getEntry("CN=Engineering,OU=Groups,"
                        + SeedDirectory.BASE_DN, "objectGUID", "groupType", "member", "managedBy");
                assertThat(engineering).isNotNull();
                assertThat(DirectoryIds.fromAnchor(AdIdentifiers.guid(
                        engineering.getAttributeValueBytes("objectGUID")).toString()))
                        .as("the cloud id the local stack's seed gives Engineering")
                        .isEqualTo("f85f5ec9-2c49-369e-98c4-9fe04ad87480");
                assertThat(engineering.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483646);
                assertThat(connection.search(SeedDirectory.BASE_DN, SearchScope.SUB,
                        "(userPrincipalName=*)").getEntryCount()).as("admin, alice, bob").isEqualTo(3);
            }
        } finally {
            ldap.destroy();
            ldap.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void kafkaAccessContainerRunsBrokerProvisioningFromTheImage() throws Exception {
        Process provisioning = start(entrypoint("kafka-access"), ProcessBuilder.Redirect.PIPE);
        assertThat(provisioning.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(provisioning.getInputStream().readAllBytes());

        assertThat(provisioning.exitValue()).as(output).isNotZero();
        assertThat(output).as("BrokerProvisioning ran and asks for its environment")
                .contains("STEWARD_KAFKA_ADMIN_PASSWORD must be set");
    }

    private static List<String> entrypoint(String service) {
        List<String> command = new ArrayList<>();
        for (Object word : list(map(SERVICES.get(service)).get("entrypoint"))) {
            command.add(word.toString());
        }
        command.set(0, ImageBuild.hostExecutable(command.get(0)));
        for (Object volume : list(map(SERVICES.get(service)).get("volumes"))) {
            String[] mapping = volume.toString().split(":");
            String host = ROOT.resolve(mapping[0]).normalize().toString();
            command.replaceAll(word -> word.equals(mapping[1]) ? host : word);
        }
        return command;
    }

    /** In the image's WORKDIR, as the container runs it; the environment of the compose service is not given. */
    private static Process start(List<String> command, ProcessBuilder.Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(image.workingDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(output);
        builder.environment().keySet().removeIf(name -> name.startsWith("STEWARD_") || name.startsWith("KAFKA_"));
        builder.environment().putAll(image.environment());
        return builder.start();
    }
}
