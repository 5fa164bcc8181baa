package dev.steward.sync.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every cycle makes the connector space's blocks agree with the directory's list of cloud-managed groups, so a missed
 * {@code SourceOfAuthorityChanged} cannot leave a group wrongly blocked or unblocked. The directory's Graph API is a
 * stand-in HTTP server answering {@code GET /v1.0/groups?$filter=onPremisesSyncBehavior/isCloudManaged eq true} in
 * two pages. The reconciliation a cycle starts with is run here just before the cycle, with a reconciler pointed at
 * that server: the service of these tests has no directory URL (a second service on the same database would share its
 * cycle queue).
 */
class SourceOfAuthorityReconciliationIT extends SyncServiceIntegrationTest {

    private static final Set<String> CLOUD_MANAGED = ConcurrentHashMap.newKeySet();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpServer DIRECTORY = directoryApi();

    @Autowired
    ConnectorSpace connectorSpace;
    @Autowired
    TransactionTemplate transaction;

    @AfterAll
    static void stopDirectory() {
        DIRECTORY.stop(0);
    }

    @BeforeEach
    void reset() {
        awaitIdle();
        CLOUD_MANAGED.clear();
        REQUESTS.clear();
    }

    @Test
    void aBlockedGroupTheDirectorySaysIsManagedInAdAgainIsUnblockedAndTakenOverByTheNextCycle() throws Exception {
        String anchor = addGroup("Reconcile-Rollback", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        CLOUD_MANAGED.add(groupId);
        publishEvent(sourceOfAuthorityChanged(anchor, "Reconcile-Rollback", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());
        TestDirectory.server().modifyDN(groupDn("Reconcile-Rollback"), "CN=Reconcile-Rollback-AD", true);

        // The rollback happened in the directory; its event never reached the sync engine.
        CLOUD_MANAGED.remove(groupId);
        JsonNode cycle = reconcileAndRunCycle();

        assertThat(connectorSpace(groupId).get("blockOnPremisesSync").asBoolean()).isFalse();
        assertThat(commandsOf(cycle.get("id").asString())).filteredOn(c -> c.key().equals(groupId)).singleElement()
                .isInstanceOfSatisfying(SyncGroup.class, group -> assertThat(group.displayName())
                        .isEqualTo("Reconcile-Rollback-AD"));
        assertThat(REQUESTS).isNotEmpty().allSatisfy(request -> assertThat(request).startsWith("Bearer "));
    }

    @Test
    void aGroupTheDirectoryListsAsCloudManagedIsBlockedBeforeTheCycleReadsAd() throws Exception {
        String anchor = addGroup("Reconcile-Switch", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        TestDirectory.server().modifyDN(groupDn("Reconcile-Switch"), "CN=Reconcile-Switch-AD", true);

        // The switch happened in the directory; its event never reached the sync engine.
        CLOUD_MANAGED.add(groupId);
        JsonNode cycle = reconcileAndRunCycle();

        assertThat(connectorSpace(groupId).get("blockOnPremisesSync").asBoolean()).isTrue();
        assertThat(commandsOf(cycle.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        assertThat(body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"))
                .get("value")).singleElement().satisfies(entry -> assertThat(entry.get("eventId").asInt())
                        .isEqualTo(6956));
    }

    @Test
    void aSwitchAppliedAfterTheDirectoryWasListedIsLeftAsItsEventSetIt() throws Exception {
        String anchor = addGroup("Reconcile-Newer", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        // The event's time is later than any list the next cycle reads.
        publishEvent(sourceOfAuthorityChanged(anchor, "Reconcile-Newer", true, Instant.now().plusSeconds(300)));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());

        reconcileAndRunCycle();

        assertThat(connectorSpace(groupId).get("blockOnPremisesSync").asBoolean()).isTrue();
    }

    /** What a cycle of a service configured with the stand-in directory does: reconcile, then import and export. */
    private JsonNode reconcileAndRunCycle() throws Exception {
        new SourceOfAuthorityReconciler(new DirectoryApiProperties("http://127.0.0.1:"
                + DIRECTORY.getAddress().getPort(), Duration.ofSeconds(10)), connectorSpace, transaction,
                Clock.systemUTC()).reconcile(() -> DIRECTORY_TOKEN);
        return runCycle("Delta");
    }

    private static HttpServer directoryApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1.0/groups", exchange -> {
                REQUESTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                String query = String.valueOf(exchange.getRequestURI().getQuery());
                List<String> ids = CLOUD_MANAGED.stream().sorted().toList();
                int half = ids.size() / 2;
                boolean secondPage = query.contains("page=2");
                if (!secondPage && !query.contains(SourceOfAuthorityReconciler.CLOUD_MANAGED)) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                List<String> page = secondPage ? ids.subList(half, ids.size()) : ids.subList(0, half);
                String next = secondPage ? "" : ",\"@odata.nextLink\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/v1.0/groups?page=2\"";
                byte[] body = ("{\"value\":[" + page.stream().map(id -> "{\"id\":\"" + id + "\"}")
                        .collect(Collectors.joining(",")) + "]" + next + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
