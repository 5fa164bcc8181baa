package dev.steward.sync.soa;

import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Makes the connector space's blocks agree with the directory at the start of every cycle, so a
 * {@code SourceOfAuthorityChanged} event the sync engine missed cannot leave a group wrongly blocked or unblocked.
 * It lists the groups whose Source of Authority is in the cloud ({@code GET /v1.0/groups?$filter=
 * onPremisesSyncBehavior/isCloudManaged eq true}, every page, with the sync engine's token); a blocked group not among
 * them is unblocked and taken over by this cycle (a missed rollback), a listed group that is not blocked is blocked
 * (a missed switch). An entry whose Source of Authority changed after the list was read is left as its newer event
 * set it. Without {@code steward.sync.directory.url} nothing is reconciled.
 */
@Component
public class SourceOfAuthorityReconciler {

    private static final Logger log = LoggerFactory.getLogger(SourceOfAuthorityReconciler.class);
    static final String CLOUD_MANAGED = "onPremisesSyncBehavior/isCloudManaged eq true";

    private final DirectoryApiProperties directory;
    private final ConnectorSpace connectorSpace;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RestClient http;

    public SourceOfAuthorityReconciler(DirectoryApiProperties directory, ConnectorSpace connectorSpace,
                                       TransactionTemplate transaction, Clock clock) {
        this.directory = directory;
        this.connectorSpace = connectorSpace;
        this.transaction = transaction;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(directory.timeout()).build());
        requests.setReadTimeout(directory.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** What a reconciliation changed. */
    public record Reconciliation(int unblocked, int blocked) {
        static final Reconciliation NONE = new Reconciliation(0, 0);
    }

    /**
     * @param token the sync engine's bearer token
     * @throws ReconciliationException when the directory cannot be read (the cycle goes on without it)
     */
    public Reconciliation reconcile(Supplier<String> token) {
        if (!directory.configured()) {
            return Reconciliation.NONE;
        }
        Instant listedAt = clock.instant();
        Set<String> cloudManaged = cloudManagedGroups(token);
        int unblocked = 0;
        int blocked = 0;
        for (ConnectorSpaceEntry entry : connectorSpace.blockedGroups()) {
            if (!cloudManaged.contains(entry.cloudId()) && change(entry.anchor(), false, listedAt)) {
                unblocked++;
                log.warn("group {} ({}): the directory says its Source of Authority is in AD but it was blocked (a "
                        + "rollback event was missed); unblocked, this cycle takes it over", entry.displayName(),
                        entry.cloudId());
            }
        }
        for (String cloudId : cloudManaged) {
            var entry = connectorSpace.findByCloudId(cloudId);
            if (entry.isPresent() && !entry.get().blockOnPremisesSync()
                    && change(entry.get().anchor(), true, listedAt)) {
                blocked++;
                log.warn("group {} ({}): the directory says its Source of Authority is in the cloud but it was not "
                        + "blocked (a switch event was missed); blocked", entry.get().displayName(), cloudId);
            }
        }
        return new Reconciliation(unblocked, blocked);
    }

    /** Unless an event newer than the list changed the entry meanwhile. */
    private boolean change(String anchor, boolean cloudManaged, Instant listedAt) {
        return transaction.execute(status -> connectorSpace.switchIfNotNewer(anchor, cloudManaged, listedAt)
                .isPresent());
    }

    private Set<String> cloudManagedGroups(Supplier<String> token) {
        Set<String> ids = new HashSet<>();
        URI next = UriComponentsBuilder.fromUriString(directory.url()).path("/v1.0/groups")
                .queryParam("$filter", CLOUD_MANAGED).queryParam("$select", "id").queryParam("$top", 999)
                .encode().build().toUri();
        int pages = 0;
        while (next != null) {
            JsonNode page;
            try {
                page = http.get().uri(next).header("Authorization", "Bearer " + token.get())
                        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
            } catch (RestClientException e) {
                throw new ReconciliationException("cannot list the directory's cloud-managed groups at "
                        + directory.url() + ": " + e.getMessage(), e);
            }
            if (page == null || !page.path("value").isArray()) {
                throw new ReconciliationException("the directory's answer at " + next + " is not a group collection");
            }
            page.get("value").forEach(group -> ids.add(group.path("id").asString()));
            JsonNode link = page.get("@odata.nextLink");
            next = link == null || link.isNull() ? null : URI.create(link.asString());
            if (++pages > 10_000) {
                throw new ReconciliationException("the directory's group list does not end");
            }
        }
        return ids;
    }

    /** The directory could not be read; the connector space was left as it was. */
    public static class ReconciliationException extends RuntimeException {
        ReconciliationException(String message) {
            super(message);
        }

        ReconciliationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
