package dev.steward.selfservice.support;

import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.directory.KnownGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Groups for tests: a security group created in the cloud (no on-premises anchor) unless told otherwise. Its owners
 * and members are not part of its {@link #snapshot()}: {@link DirectoryEvents#creation} publishes them as their own
 * events.
 */
public final class GroupFixture {

    private String id = UUID.randomUUID().toString();
    private String displayName = "Group " + id.substring(0, 8);
    private String mail;
    private boolean mailEnabled;
    private boolean securityEnabled = true;
    private List<String> groupTypes = new ArrayList<>();
    private Boolean onPremisesSyncEnabled;
    private boolean isCloudManaged;
    private String anchor;
    private List<String> ownerIds = new ArrayList<>();
    private List<String> memberIds = new ArrayList<>();
    private JoinPolicy joinPolicy = JoinPolicy.OWNER_APPROVAL;

    private GroupFixture() {
    }

    public static GroupFixture cloudSecurityGroup() {
        return new GroupFixture();
    }

    /** A security group synced from AD: its id derives from its objectGUID and AD masters it. */
    public static GroupFixture adMasteredSecurityGroup() {
        GroupFixture group = new GroupFixture();
        group.anchor = UUID.randomUUID().toString();
        group.id = DirectoryIds.fromAnchor(group.anchor);
        group.displayName = "AD group " + group.id.substring(0, 8);
        group.onPremisesSyncEnabled = true;
        return group;
    }

    public static GroupFixture distributionGroup() {
        GroupFixture group = new GroupFixture();
        group.mailEnabled = true;
        group.securityEnabled = false;
        group.mail = "dl-" + group.id.substring(0, 8) + "@corp.example.test";
        return group;
    }

    public static GroupFixture mailEnabledSecurityGroup() {
        GroupFixture group = new GroupFixture();
        group.mailEnabled = true;
        group.mail = "sec-" + group.id.substring(0, 8) + "@corp.example.test";
        return group;
    }

    public static GroupFixture microsoft365Group() {
        GroupFixture group = new GroupFixture();
        group.mailEnabled = true;
        group.securityEnabled = false;
        group.groupTypes.add("Unified");
        return group;
    }

    public static GroupFixture dynamicSecurityGroup() {
        GroupFixture group = new GroupFixture();
        group.groupTypes.add("DynamicMembership");
        return group;
    }

    /** How users join it; {@code given} sets it as an owner would. Owner approval unless told otherwise. */
    public GroupFixture joining(JoinPolicy policy) {
        this.joinPolicy = policy;
        return this;
    }

    /** Keeps the join policy the service derives from the directory's events. */
    public GroupFixture withDerivedJoinPolicy() {
        this.joinPolicy = null;
        return this;
    }

    public JoinPolicy joinPolicy() {
        return joinPolicy;
    }

    public GroupFixture named(String name) {
        this.displayName = name;
        return this;
    }

    public GroupFixture ownedBy(String... owners) {
        this.ownerIds = new ArrayList<>(List.of(owners));
        return this;
    }

    public GroupFixture withMembers(String... members) {
        this.memberIds = new ArrayList<>(List.of(members));
        return this;
    }

    /** After an SOA switch: cloud-managed, no longer synced. */
    public GroupFixture switchedToCloud() {
        this.isCloudManaged = true;
        this.onPremisesSyncEnabled = null;
        return this;
    }

    /** Rolled back, before the next sync cycle took the group over. */
    public GroupFixture rolledBackAwaitingSync() {
        this.isCloudManaged = false;
        this.onPremisesSyncEnabled = null;
        return this;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String anchor() {
        return anchor;
    }

    public List<String> ownerIds() {
        return List.copyOf(ownerIds);
    }

    public List<String> memberIds() {
        return List.copyOf(memberIds);
    }

    public GroupSnapshot snapshot() {
        return new GroupSnapshot(id, displayName, null, displayName.replaceAll("[^A-Za-z0-9]", ""), mail, mailEnabled,
                securityEnabled, groupTypes, Instant.parse("2026-01-01T09:00:00Z"), onPremisesSyncEnabled,
                isCloudManaged, anchor, anchor == null ? null : "S-1-5-21-1-2-3-1104",
                anchor == null ? null : displayName, anchor == null ? null : "corp.example.test",
                anchor == null ? null : "CORP", anchor == null ? null : "CN=" + displayName + ",OU=Groups,DC=corp",
                anchor == null ? null : Instant.parse("2026-01-01T09:00:00Z"), OnPremisesExtensionAttributes.NONE);
    }

    public KnownGroup known() {
        GroupSnapshot snapshot = snapshot();
        return new KnownGroup(id, displayName, snapshot.kind(), groupTypes, onPremisesSyncEnabled, isCloudManaged,
                anchor, ownerIds.stream().sorted().toList(),
                joinPolicy == null ? JoinPolicy.defaultFor(snapshot) : joinPolicy);
    }
}
