package dev.steward.sync.writeback;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdGuids;
import dev.steward.sync.ldap.AdSids;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionTemplate;

/** Directory events as the directory publishes them, and an in-memory directory that assigns GUIDs and SIDs as AD. */
final class WriteBackFixtures {

    static final String BASE_DN = "DC=corp,DC=example,DC=test";
    static final String BIND_DN = "CN=Administrator,CN=Users," + BASE_DN;
    static final String PASSWORD = "steward-dev";
    static final String DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820";
    private static final AtomicInteger NEXT_RID = new AtomicInteger(7000);
    private static final Initiator ADMIN = Initiator.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin");

    private WriteBackFixtures() {
    }

    /**
     * An in-memory directory (no schema checks) that gives every added entry an objectGUID and an objectSid when it
     * has none, as AD does.
     */
    static InMemoryDirectoryServer adLikeDirectory() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(null);
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processAddRequest(InMemoryInterceptedAddRequest request) {
                AddRequest add = request.getRequest().duplicate();
                identify(add);
                request.setRequest(add);
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "corp")));
        server.add(new Entry("CN=Users," + BASE_DN, new Attribute("objectClass", "top", "container"),
                new Attribute("cn", "Users")));
        for (String ou : List.of("Groups", "Cloud Groups")) {
            server.add(new Entry("OU=" + ou + "," + BASE_DN, new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", ou)));
        }
        server.startListening();
        return server;
    }

    /** Adds an entry in-process (which passes by the interceptor) with the identity AD would give it. */
    static void addAsAd(InMemoryDirectoryServer server, Entry entry) throws LDAPException {
        AddRequest add = new AddRequest(entry);
        identify(add);
        server.add(add);
    }

    private static void identify(AddRequest add) {
        if (!add.hasAttribute("objectGUID")) {
            add.addAttribute(new Attribute("objectGUID", AdGuids.toBytes(UUID.randomUUID().toString())));
        }
        if (!add.hasAttribute("objectSid")) {
            add.addAttribute(new Attribute("objectSid", AdSids.toBytes(DOMAIN_SID + "-" + NEXT_RID.incrementAndGet())));
        }
    }

    /** What a sync cycle leaves in the connector space for an AD object: its anchor, cloud id and DN. */
    static void synced(ConnectorSpace connectorSpace, TransactionTemplate transaction, String anchor, ObjectType type,
                       String dn, String displayName) {
        transaction.executeWithoutResult(status -> {
            connectorSpace.lockOrCreate(anchor, DirectoryIds.fromAnchor(anchor), type, dn, displayName);
            connectorSpace.recordSeen(anchor, dn, UUID.randomUUID().toString());
        });
    }

    static EventMetadata metadata(String aggregateId) {
        return new EventMetadata(UUID.randomUUID(), Instant.now(), aggregateId, UUID.randomUUID().toString(), ADMIN,
                EventMetadata.CURRENT_SCHEMA_VERSION);
    }

    /** A security group created in the cloud. */
    static GroupSnapshot cloudGroup(String id, String displayName, String description) {
        return new GroupSnapshot(id, displayName, description, "nick" + id.substring(0, 8), null, false, true, List.of(),
                Instant.now(), null, false, null, null, null, null, null, null, null, null);
    }

    /** A group synced from AD; {@code cloudManaged} once its Source of Authority moved to the cloud. */
    static GroupSnapshot syncedGroup(String anchor, String displayName, boolean cloudManaged) {
        return new GroupSnapshot(DirectoryIds.fromAnchor(anchor), displayName, null, displayName, null, false, true,
                List.of(), Instant.now(), cloudManaged ? null : Boolean.TRUE, cloudManaged, anchor, null, displayName,
                "corp.example.test", "CORP", null, Instant.now(), null);
    }

    static GroupSnapshot mailEnabled(String id, String displayName) {
        return new GroupSnapshot(id, displayName, null, "mail" + id.substring(0, 8), "x@corp.example.test", true, true,
                List.of(), Instant.now(), null, false, null, null, null, null, null, null, null, null);
    }

    static GroupCreated created(GroupSnapshot group) {
        return new GroupCreated(metadata(group.id()), group);
    }

    static GroupUpdated updated(GroupSnapshot group) {
        return new GroupUpdated(metadata(group.id()), group, List.of(), false);
    }

    static SourceOfAuthorityChanged sourceOfAuthority(String anchor, String displayName, boolean cloudManaged) {
        String id = DirectoryIds.fromAnchor(anchor);
        return new SourceOfAuthorityChanged(metadata(id), id, displayName, anchor, cloudManaged, null,
                cloudManaged ? OnPremisesExtensionAttributes.NONE : null);
    }

    static MembersAdded membersAdded(String groupId, DirectoryObjectRef... members) {
        return new MembersAdded(metadata(groupId), groupId, Arrays.asList(members), false);
    }

    static MembersRemoved membersRemoved(String groupId, DirectoryObjectRef... members) {
        return new MembersRemoved(metadata(groupId), groupId, Arrays.asList(members), false);
    }

    static GroupDeleted deleted(String groupId, String displayName, String anchor) {
        return new GroupDeleted(metadata(groupId), groupId, displayName, anchor);
    }

    static DirectoryObjectRef user(String anchor) {
        return DirectoryObjectRef.user(DirectoryIds.fromAnchor(anchor));
    }

    static List<DirectoryObjectRef> users(List<String> anchors) {
        List<DirectoryObjectRef> refs = new ArrayList<>();
        anchors.forEach(anchor -> refs.add(user(anchor)));
        return refs;
    }
}
