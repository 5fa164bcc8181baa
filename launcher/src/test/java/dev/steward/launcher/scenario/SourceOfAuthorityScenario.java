package dev.steward.launcher.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.contracts.DirectoryIds;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.token.Grants;
import dev.steward.launcher.token.SeedUser;
import dev.steward.launcher.token.SeedUsers;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end scenario of the seed forest, run by every suite that starts the whole system: the process-based
 * {@code StackEndToEndIT} (launcher) and the container-based {@code ContainerEndToEndIT} (system-tests). It walks "switch
 * the Source of Authority of a synced group" and back, and on the way the self-service path: a request to join the
 * group is refused while AD masters it, accepted once the cloud does, routed to the group's owner only and recorded in
 * the audit log. It needs the seed forest in the directory, an Initial cycle run at start-up, and tokens of the
 * seeded users from the system's authorization server.
 */
public final class SourceOfAuthorityScenario {

    /** Base URLs of the four services, e.g. {@code http://127.0.0.1:8080}. */
    public record Endpoints(String directory, String selfservice, String sync, String audit) {
    }

    /** A bearer token of a seeded user: with {@code wids} given, those replace the user's default directory roles. */
    @FunctionalInterface
    public interface Tokens {
        String token(String userPrincipalName, List<String> wids);
    }

    /** A connection to the system's AD, bound with the right to rename groups. */
    @FunctionalInterface
    public interface ActiveDirectory {
        LDAPConnection connect() throws LDAPException;
    }

    private static final String ENGINEERING_GUID = "4c9f6083-2dbe-4b50-8f74-308b5cae0d04";
    private static final String ENGINEERING_DN = "CN=Engineering,OU=Groups," + SeedDirectory.BASE_DN;
    private static final String GROUP_ID = DirectoryIds.fromAnchor(ENGINEERING_GUID);
    private static final String CLOUD_NAME = "Engineering (cloud)";
    /** Entra ID P1 (AAD_PREMIUM), one of the SKUs selfservice-service counts as P1 or P2 by default. */
    private static final String ENTRA_ID_P1 = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    private static final String AD_NAME = "Engineering Platform";
    private static final String READ_ONLY_MESSAGE = "Unable to update the specified properties for on-premises "
            + "mastered Directory Sync objects or objects currently undergoing migration.";
    private static final String SWITCHED = "Change Source of Authority from AD to cloud";
    private static final String ROLLED_BACK = "Undo changes to Source of Authority from AD to cloud";
    private static final String JOIN_REQUESTED = "Request to join a group";
    private static final String APPROVED = "Approve a pending request to join a group";
    private static final String ALICE_UPN = "alice@corp.example.test";
    private static final String ALICE_GUID = "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02";
    private static final String BOB_UPN = "bob@corp.example.test";
    private static final String MASTERED_ON_PREMISES = "is mastered on-premises";
    private static final String JUSTIFICATION = "I review Engineering's access for the audit";

    private final Endpoints endpoints;
    private final ActiveDirectory activeDirectory;
    private final GraphClient admin;
    private final String adminId;
    /** Alice owns Engineering (managedBy); Bob is a member, not an owner. Both with the seeded users' default grants. */
    private final GraphClient alice;
    private final GraphClient bob;

    public SourceOfAuthorityScenario(Endpoints endpoints, Tokens tokens, ActiveDirectory activeDirectory) {
        this.endpoints = endpoints;
        this.activeDirectory = activeDirectory;
        SeedUsers seed = SeedUsers.seed();
        assertThat(Grants.defaultFor(Grants.ADMIN_UPN).scopes()).as("the admin asks to join a group in My Groups")
                .contains(Permissions.GROUP_MEMBER_READWRITE_ALL);
        this.admin = new GraphClient(tokens.token(Grants.ADMIN_UPN, List.of(DirectoryRoles.GROUPS_ADMINISTRATOR,
                DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR, DirectoryRoles.LICENSE_ADMINISTRATOR)));
        this.adminId = seed.find(Grants.ADMIN_UPN).orElseThrow().cloudId();
        SeedUser seededAlice = seed.find(ALICE_UPN).orElseThrow();
        assertThat(seededAlice.cloudId()).as("alice's oid").isEqualTo(DirectoryIds.fromAnchor(ALICE_GUID));
        this.alice = new GraphClient(tokens.token(ALICE_UPN, List.of()));
        this.bob = new GraphClient(tokens.token(BOB_UPN, List.of()));
    }

    /** Walks the whole scenario; every step asserts, the first failure ends it. */
    public void run() throws Exception {
        JsonNode engineering = await("the Initial cycle at start-up brings the AD group Engineering into the directory")
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> groupNamed("Engineering"), Optional::isPresent).orElseThrow();
        assertThat(engineering.path("id").asString()).isEqualTo(GROUP_ID);
        assertThat(engineering.path("onPremisesSyncEnabled").asBoolean()).isTrue();

        assignsPremiumLicences(adminId, DirectoryIds.fromAnchor(ALICE_GUID));
        refusesCloudEditsOfTheSyncedGroup();
        refusesToJoinTheAdMasteredGroup();

        assertThat(admin.patch(directory("/beta/groups/" + GROUP_ID + "/onPremisesSyncBehavior"),
                "{\"isCloudManaged\":true}").status()).as("switching the SOA to the cloud").isEqualTo(204);
        await("the group reads as cloud-managed").atMost(Duration.ofSeconds(10))
                .until(() -> isCloudManaged(), Boolean.TRUE::equals);
        awaitAuditEntry(SWITCHED);

        String requestId = requestsToJoinTheCloudManagedGroup();
        routesTheRequestToTheOwnerOnly(requestId);
        awaitAuditEntry(JOIN_REQUESTED, entry -> hasDetail(entry, "requestId", requestId)
                && targets(entry).anyMatch(target -> target.path("id").asString("").equals(adminId)));
        approvalAddsTheRequesterToTheGroup(requestId);

        GraphClient.Response rename = admin.patch(directory("/v1.0/groups/" + GROUP_ID),
                "{\"displayName\":\"" + CLOUD_NAME + "\"}");
        assertThat(rename.status()).as("a cloud edit after the switch: %s", rename).isEqualTo(204);
        awaitDisplayName(CLOUD_NAME);

        renameInActiveDirectory();
        runDeltaCycle();
        assertThat(group().path("displayName").asString()).as("the cloud keeps its name").isEqualTo(CLOUD_NAME);
        await("the provisioning log records the skipped AD change (event 6956)").atMost(Duration.ofSeconds(15))
                .until(this::skippedChangeOfEngineering, Optional::isPresent);

        assertThat(admin.patch(directory("/beta/groups/" + GROUP_ID + "/onPremisesSyncBehavior"),
                "{\"isCloudManaged\":false}").status()).as("rolling the SOA back to AD").isEqualTo(204);
        await("the group reads as AD-managed again").atMost(Duration.ofSeconds(10))
                .until(() -> isCloudManaged(), Boolean.FALSE::equals);
        awaitAuditEntry(ROLLED_BACK);

        runDeltaCycle();
        awaitDisplayName(AD_NAME);
        await("the group is read-only again").atMost(Duration.ofSeconds(15))
                .untilAsserted(this::refusesCloudEditsOfTheSyncedGroup);
    }

    private void refusesCloudEditsOfTheSyncedGroup() {
        GraphClient.Response refused = admin.patch(directory("/v1.0/groups/" + GROUP_ID),
                "{\"displayName\":\"" + CLOUD_NAME + "\"}");

        assertThat(refused.status()).as("a cloud edit of an AD-mastered group: %s", refused).isEqualTo(400);
        assertThat(graphErrorMessage(refused, "Request_BadRequest")).isEqualTo(READ_ONLY_MESSAGE);
    }

    /**
     * My Groups needs Entra ID P1 or P2 to request to join and to make a group require approval (DOMAIN.md §4):
     * licences are assigned in the cloud, not synced, so the admin (License Administrator) assigns P1 to the
     * requester and the owner.
     */
    private void assignsPremiumLicences(String... userIds) {
        for (String userId : userIds) {
            GraphClient.Response assigned = await("user " + userId + " is in the directory")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> admin.post(directory("/v1.0/users/" + userId + "/assignLicense"),
                            "{\"addLicenses\":[{\"skuId\":\"" + ENTRA_ID_P1 + "\",\"disabledPlans\":[]}],"
                                    + "\"removeLicenses\":[]}"), response -> response.status() != 404);
            assertThat(assigned.status()).as("assigning P1 to %s: %s", userId, assigned).isEqualTo(200);
            assertThat(assigned.json().path("assignedLicenses").toString()).contains(ENTRA_ID_P1);
        }
    }

    /**
     * While AD masters Engineering, My Groups refuses to route a request to join it. The selfservice read model
     * learns of the group from the directory's events; until it has, the group is unknown there (404).
     */
    private void refusesToJoinTheAdMasteredGroup() {
        GraphClient.Response refused = await("selfservice-service knows the group Engineering")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(this::requestToJoinEngineering, response -> response.status() != 404);

        assertThat(refused.status()).as("a request to join an AD-mastered group: %s", refused).isEqualTo(400);
        assertThat(graphErrorMessage(refused, "Request_BadRequest")).contains(MASTERED_ON_PREMISES);
    }

    /**
     * Once the selfservice read model has seen the switch, the group is manageable in My Groups but closed: its join
     * policy has to be set again after a switch (DOMAIN.md §4). Until then requests still answer 400 because the
     * group is AD-mastered, and anything else fails at once. Alice, its owner, sets owner approval; then the admin
     * (not a member of Engineering) may ask to join.
     */
    private String requestsToJoinTheCloudManagedGroup() {
        GraphClient.Response closed = await("selfservice-service sees the switch: Engineering is closed until set again")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    GraphClient.Response response = requestToJoinEngineering();
                    assertThat(response.status()).as("a request to join Engineering: %s", response).isEqualTo(400);
                    return response;
                }, response -> !graphErrorMessage(response, "Request_BadRequest").contains(MASTERED_ON_PREMISES));
        assertThat(graphErrorMessage(closed, "Request_BadRequest")).contains("is closed");
        GraphClient.Response opened = await("selfservice-service knows alice's licence; she sets owner approval")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> alice.patch(selfservice("/mygroups/groups/" + GROUP_ID),
                        "{\"joinPolicy\":\"OwnerApproval\"}"), response -> response.status() == 200);
        assertThat(opened.status()).as("the owner sets the join policy: %s", opened).isEqualTo(200);

        GraphClient.Response created = requestToJoinEngineering();
        assertThat(created.status()).as("a request to join the cloud-managed group: %s", created).isEqualTo(201);

        JsonNode request = created.json();
        String requestId = request.path("id").asString("");
        assertThat(UUID.fromString(requestId)).as("the request's id in %s", created).isNotNull();
        assertThat(request.path("groupId").asString()).isEqualTo(GROUP_ID);
        assertThat(request.path("requesterId").asString()).isEqualTo(adminId);
        assertThat(request.path("requesterUserPrincipalName").asString()).isEqualTo(Grants.ADMIN_UPN);
        assertThat(request.path("justification").asString()).isEqualTo(JUSTIFICATION);
        assertThat(request.path("status").asString()).isEqualTo("Pending");
        assertThat(ids(request.path("approverIds"))).as("routed to every owner of Engineering")
                .containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
        return requestId;
    }

    /** Alice owns Engineering and finds the request in her inbox; Bob, a mere member, neither lists nor reads it. */
    private void routesTheRequestToTheOwnerOnly(String requestId) {
        await("the owner alice sees the request in her approvals, bob does not").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(approvalIds(bob)).as("bob's approvals").doesNotContain(requestId);
                    assertThat(approvalIds(alice)).as("alice's approvals").contains(requestId);
                });
        GraphClient.Response hidden = bob.get(selfservice("/mygroups/requests/" + requestId));
        assertThat(hidden.status()).as("bob reading the request: %s", hidden).isEqualTo(404);
    }

    /**
     * Alice approves; selfservice-service sends the directory's AddMembers with its own client token (app role
     * GroupMember.ReadWrite.All), the directory adds the admin, and the request completes only on its answer. The
     * audit log records the approval and the directory's member add.
     */
    private void approvalAddsTheRequesterToTheGroup(String requestId) {
        GraphClient.Response approved = alice.post(selfservice("/mygroups/requests/" + requestId + "/approve"), "{}");
        assertThat(approved.status()).as("the owner approves: %s", approved).isEqualTo(200);
        await("the directory confirms the add and the request completes").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> admin.get(selfservice("/mygroups/requests/" + requestId)).json().path("status")
                        .asString(""), "Completed"::equals);
        GraphClient.Response members = admin.get(directory("/v1.0/groups/" + GROUP_ID + "/members"));
        assertThat(members.status()).as("members: %s", members).isEqualTo(200);
        assertThat(StreamSupport.stream(members.json().path("value").spliterator(), false)
                .map(member -> member.path("id").asString("")))
                .as("the admin is a member of Engineering").contains(adminId);
        awaitAuditEntry(APPROVED, entry -> hasDetail(entry, "requestId", requestId));
        awaitAuditEntry("Add member to group");
    }

    private GraphClient.Response requestToJoinEngineering() {
        return admin.post(selfservice("/mygroups/requests"),
                "{\"groupId\":\"" + GROUP_ID + "\",\"justification\":\"" + JUSTIFICATION + "\"}");
    }

    private List<String> approvalIds(GraphClient owner) {
        GraphClient.Response approvals = owner.get(selfservice("/mygroups/approvals"));
        assertThat(approvals.status()).as("approvals: %s", approvals).isEqualTo(200);
        return StreamSupport.stream(approvals.json().path("value").spliterator(), false)
                .map(request -> request.path("id").asString(""))
                .toList();
    }

    private List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(id -> id.asString("")).toList();
    }

    /** Asserts Graph's error body {@code {"error":{"code","message","innerError"}}} and answers its message. */
    private String graphErrorMessage(GraphClient.Response refused, String code) {
        JsonNode error = refused.json().path("error");
        assertThat(refused.json().propertyNames()).as("%s", refused).containsExactly("error");
        assertThat(error.propertyNames()).containsExactly("code", "message", "innerError");
        assertThat(error.path("code").asString()).isEqualTo(code);
        JsonNode inner = error.path("innerError");
        assertThat(inner.propertyNames()).containsExactly("date", "request-id", "client-request-id");
        assertThat(inner.path("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(UUID.fromString(inner.path("request-id").asString())).isNotNull();
        assertThat(inner.path("client-request-id").asString()).isEqualTo(refused.clientRequestId());
        return error.path("message").asString();
    }

    private void renameInActiveDirectory() throws Exception {
        try (LDAPConnection ldap = activeDirectory.connect()) {
            ldap.modifyDN(ENGINEERING_DN, "CN=" + AD_NAME, true);
            ldap.modify("CN=" + AD_NAME + ",OU=Groups," + SeedDirectory.BASE_DN,
                    new Modification(ModificationType.REPLACE, "displayName", AD_NAME));
        }
    }

    private void runDeltaCycle() {
        GraphClient.Response started = admin.post(sync("/sync/cycles"), "{\"policyType\":\"Delta\"}");
        assertThat(started.status()).as("starting a Delta cycle: %s", started).isEqualTo(202);
        String cycleId = started.json().path("id").asString();
        assertThat(cycleId).as("the cycle's id in %s", started).isNotBlank();
        JsonNode cycle = await("Delta cycle " + cycleId + " completes").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get(sync("/sync/cycles/" + cycleId)).json(), this::finished);
        assertThat(cycle.path("status").asString()).as("cycle %s", cycle).isEqualTo("Succeeded");
    }

    private boolean finished(JsonNode cycle) {
        String status = cycle.path("status").asString("");
        return !status.isEmpty() && !status.equals("Queued") && !status.equals("Running");
    }

    private Optional<JsonNode> skippedChangeOfEngineering() {
        GraphClient.Response logs = admin.get(sync("/sync/provisioningLogs"));
        assertThat(logs.status()).as("provisioning logs: %s", logs).isEqualTo(200);
        return StreamSupport.stream(logs.json().path("value").spliterator(), false)
                .filter(entry -> entry.path("action").asString("").equals("Skip"))
                .filter(entry -> entry.path("eventId").asInt() == 6956)
                .filter(entry -> entry.toString().contains(GROUP_ID) || entry.toString().contains(ENGINEERING_GUID))
                .filter(entry -> entry.path("reason").asString("").toLowerCase(Locale.ROOT)
                        .matches(".*(source of authority|soa).*"))
                .findFirst();
    }

    private void awaitAuditEntry(String activity) {
        awaitAuditEntry(activity, entry -> true);
    }

    private void awaitAuditEntry(String activity, Predicate<JsonNode> matching) {
        String url = audit("/v1.0/auditLogs/directoryAudits?$filter="
                + GraphClient.encode("activityDisplayName eq '" + activity + "'"));
        await("the audit log shows '" + activity + "' for Engineering").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    GraphClient.Response audits = admin.get(url);
                    assertThat(audits.status()).as("directory audits: %s", audits).isEqualTo(200);
                    return StreamSupport.stream(audits.json().path("value").spliterator(), false)
                            .filter(entry -> entry.path("activityDisplayName").asString("").equals(activity))
                            .filter(entry -> targets(entry)
                                    .anyMatch(target -> target.path("id").asString("").equals(GROUP_ID)))
                            .anyMatch(matching);
                });
    }

    private Stream<JsonNode> targets(JsonNode auditEntry) {
        return StreamSupport.stream(auditEntry.path("targetResources").spliterator(), false);
    }

    private boolean hasDetail(JsonNode auditEntry, String key, String value) {
        return StreamSupport.stream(auditEntry.path("additionalDetails").spliterator(), false)
                .anyMatch(detail -> detail.path("key").asString("").equals(key)
                        && detail.path("value").asString("").equals(value));
    }

    private void awaitDisplayName(String name) {
        await("the directory shows the name '" + name + "'").atMost(Duration.ofSeconds(20))
                .until(() -> group().path("displayName").asString(""), name::equals);
    }

    private Optional<JsonNode> groupNamed(String name) {
        GraphClient.Response groups = admin.get(directory("/v1.0/groups?$filter="
                + GraphClient.encode("displayName eq '" + name + "'")));
        if (groups.status() != 200) {
            return Optional.empty();
        }
        JsonNode values = groups.json().path("value");
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private JsonNode group() {
        GraphClient.Response group = admin.get(directory("/v1.0/groups/" + GROUP_ID));
        assertThat(group.status()).as("GET the group: %s", group).isEqualTo(200);
        return group.json();
    }

    private Boolean isCloudManaged() {
        GraphClient.Response behavior = admin.get(directory("/beta/groups/" + GROUP_ID
                + "/onPremisesSyncBehavior?$select=isCloudManaged"));
        assertThat(behavior.status()).as("GET onPremisesSyncBehavior: %s", behavior).isEqualTo(200);
        JsonNode body = behavior.json();
        assertThat(body.path("@odata.type").asString()).isEqualTo("#microsoft.graph.onPremisesSyncBehavior");
        assertThat(body.path("id").asString()).isEqualTo(GROUP_ID);
        return body.path("isCloudManaged").asBoolean();
    }

    private String directory(String path) {
        return endpoints.directory() + path;
    }

    private String selfservice(String path) {
        return endpoints.selfservice() + path;
    }

    private String sync(String path) {
        return endpoints.sync() + path;
    }

    private String audit(String path) {
        return endpoints.audit() + path;
    }
}
