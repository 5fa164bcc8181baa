package dev.steward.sync.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdGroup;
import dev.steward.sync.ldap.AdUser;
import dev.steward.sync.ldap.DirectoryRead;
import dev.steward.sync.ldap.GroupType;
import dev.steward.sync.ldap.RejectedEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportPlannerTest {

    private static final String BASE = "DC=corp,DC=example,DC=test";
    private static final AdUser ALICE = user("2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02", "Alice");
    private static final AdUser BOB = user("3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03", "Bob");

    @Test
    void resolvesOwnersAndMembersToCloudIdsAndLeavesOutWhatIsNotInScope() {
        AdGroup leads = group("5da07194-3ecf-4c61-9085-419c6dbf1e05", "Leads", "cn=alice,cn=users,dc=corp,dc=example,dc=test",
                "CN=Alice, CN=Users, DC=corp, DC=example, DC=test");
        AdGroup engineering = group("4c9f6083-2dbe-4b50-8f74-308b5cae0d04", "Engineering",
                ALICE.distinguishedName(), ALICE.distinguishedName(), BOB.distinguishedName(), leads.distinguishedName(),
                "CN=Outsider,OU=Elsewhere," + BASE);

        ExportPlan plan = ExportPlanner.plan(read(List.of(ALICE, BOB), List.of(engineering, leads)), BASE, "CORP");

        GroupExport exported = groups(plan).stream().filter(g -> g.anchor().equals(engineering.anchor())).findFirst().orElseThrow();
        assertThat(exported.cloudId()).isEqualTo(DirectoryIds.fromAnchor(engineering.anchor()));
        assertThat(exported.ownerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE.anchor()));
        assertThat(exported.memberIds()).containsExactlyInAnyOrder(DirectoryIds.fromAnchor(ALICE.anchor()),
                DirectoryIds.fromAnchor(BOB.anchor()), DirectoryIds.fromAnchor(leads.anchor()));
        assertThat(exported.domainName()).isEqualTo("corp.example.test");
        assertThat(exported.netbiosName()).isEqualTo("CORP");
        GroupExport leadsExport = groups(plan).stream().filter(g -> g.anchor().equals(leads.anchor())).findFirst().orElseThrow();
        // DNs match whatever their case and spacing.
        assertThat(leadsExport.ownerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE.anchor()));
        assertThat(leadsExport.memberIds()).containsExactly(DirectoryIds.fromAnchor(ALICE.anchor()));
    }

    @Test
    void usersComeFirstAndNestedGroupsBeforeTheirParents() {
        AdGroup child = group("11111111-1111-4111-8111-111111111111", "Child", null, BOB.distinguishedName());
        AdGroup parent = group("22222222-2222-4222-8222-222222222222", "Parent", null, child.distinguishedName());
        AdGroup grandParent = group("33333333-3333-4333-8333-333333333333", "GrandParent", null, parent.distinguishedName());

        ExportPlan plan = ExportPlanner.plan(read(List.of(ALICE, BOB), List.of(grandParent, parent, child)), BASE, "CORP");

        assertThat(plan.exports()).map(ObjectExport::displayName)
                .containsExactly("Alice", "Bob", "Child", "Parent", "GrandParent");
    }

    @Test
    void nestingCyclesDoNotStopThePlan() {
        AdGroup a = group("11111111-1111-4111-8111-111111111111", "A", null, "CN=B,OU=Groups," + BASE);
        AdGroup b = group("22222222-2222-4222-8222-222222222222", "B", null, "CN=A,OU=Groups," + BASE);

        ExportPlan plan = ExportPlanner.plan(read(List.of(), List.of(a, b)), BASE, "CORP");

        assertThat(plan.exports()).map(ObjectExport::displayName).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void aGroupInManagedByIsNoOwner() {
        AdGroup owners = group("11111111-1111-4111-8111-111111111111", "Owners", null);
        AdGroup managed = group("22222222-2222-4222-8222-222222222222", "Managed", owners.distinguishedName());

        ExportPlan plan = ExportPlanner.plan(read(List.of(), List.of(owners, managed)), BASE, "CORP");

        assertThat(groups(plan)).filteredOn(g -> g.displayName().equals("Managed")).singleElement()
                .satisfies(g -> assertThat(g.ownerIds()).isEmpty());
    }

    @Test
    void displayNameFallsBackToCnAndAMailNicknameKeepsOnlyWhatGraphAccepts() {
        AdGroup group = new AdGroup("11111111-1111-4111-8111-111111111111", "CN=Sales (EMEA),OU=Groups," + BASE,
                "Sales (EMEA)", "Sales (EMEA); all", null, null, null, null, GroupType.of(8), null, null, List.of(),
                OnPremisesExtensionAttributes.NONE);

        GroupExport export = groups(ExportPlanner.plan(read(List.of(), List.of(group)), BASE, "CORP")).get(0);

        assertThat(export.displayName()).isEqualTo("Sales (EMEA)");
        assertThat(export.mailNickname()).isEqualTo("SalesEMEAall");
        assertThat(export.securityEnabled()).isFalse();
    }

    @Test
    void entriesTheReadRejectedStayRejected() {
        DirectoryRead read = new DirectoryRead(List.of(ALICE), List.of(),
                List.of(new RejectedEntry("CN=Broken," + BASE, "objectGUID is missing")), true);

        ExportPlan plan = ExportPlanner.plan(read, BASE, "CORP");

        assertThat(plan.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("objectGUID"));
        assertThat(plan.exports()).hasSize(1);
    }

    @Test
    void equalValuesHashEquallyAndAnyChangeChangesTheHash() {
        AdGroup group = group("11111111-1111-4111-8111-111111111111", "G", null, ALICE.distinguishedName());
        AdGroup renamed = new AdGroup(group.anchor(), group.distinguishedName(), "G", "G2", null, null, null, null,
                GroupType.of(GroupType.AD_DEFAULT), null, null, group.members(), OnPremisesExtensionAttributes.NONE);

        String hash = hash(group);

        assertThat(hash(group("11111111-1111-4111-8111-111111111111", "G", null, ALICE.distinguishedName())))
                .isEqualTo(hash);
        assertThat(hash(renamed)).isNotEqualTo(hash);
    }

    @Test
    void membershipIsNotAnExportedValueAndDoesNotDependOnTheOrderOfMemberValues() {
        AdGroup group = group("11111111-1111-4111-8111-111111111111", "G", ALICE.distinguishedName(),
                ALICE.distinguishedName(), BOB.distinguishedName());
        AdGroup reordered = group("11111111-1111-4111-8111-111111111111", "G", ALICE.distinguishedName(),
                BOB.distinguishedName(), ALICE.distinguishedName());
        AdGroup fewer = group("11111111-1111-4111-8111-111111111111", "G", null, BOB.distinguishedName());

        GroupExport export = export(group);

        assertThat(export.values()).doesNotContainKeys("memberIds", "ownerIds");
        assertThat(export.command(CommandMetadata.of(UUID.randomUUID(), Instant.EPOCH, "c"), Instant.EPOCH).displayName())
                .isEqualTo("G");
        assertThat(export(reordered).membership()).isEqualTo(export.membership());
        assertThat(export.membership()).isEqualTo(new Membership(
                List.of(DirectoryIds.fromAnchor(ALICE.anchor()), DirectoryIds.fromAnchor(BOB.anchor())),
                List.of(DirectoryIds.fromAnchor(ALICE.anchor()))));
        assertThat(export(fewer).exportedValues().hash()).isEqualTo(export.exportedValues().hash());
        assertThat(export(fewer).membership()).isNotEqualTo(export.membership());
    }

    @Test
    void aChangedExtensionAttributeIsAChangedValueAndAGroupWithNoneKeepsItsValues() {
        AdGroup plain = group("11111111-1111-4111-8111-111111111111", "G", null);
        AdGroup munich = withSite(plain, "Munich");

        assertThat(export(plain).values()).doesNotContainKey("onPremisesExtensionAttributes");
        assertThat(export(munich).values()).containsEntry("onPremisesExtensionAttributes",
                Map.of("extensionAttribute3", "Munich"));
        assertThat(hash(munich)).isNotEqualTo(hash(plain)).isNotEqualTo(hash(withSite(plain, "Berlin")));
        assertThat(ExportedValues.differences(export(munich).values(), export(withSite(plain, "Berlin")).values()))
                .singleElement().satisfies(change -> assertThat(change)
                        .containsEntry("displayName", "onPremisesExtensionAttributes")
                        .containsEntry("newValue", "{\"extensionAttribute3\":\"Berlin\"}"));
        assertThat(export(munich).command(CommandMetadata.of(UUID.randomUUID(), Instant.EPOCH, "c"), Instant.EPOCH)
                .onPremisesExtensionAttributes()).isEqualTo(munich.extensionAttributes());
    }

    @Test
    void aUsersChangedExtensionAttributeIsAChangedValueAndAUserWithNoneKeepsItsValues() {
        AdUser munich = withSite(ALICE, "Munich");

        assertThat(userExport(ALICE).values()).doesNotContainKey("onPremisesExtensionAttributes");
        assertThat(userExport(munich).values()).containsEntry("onPremisesExtensionAttributes",
                Map.of("extensionAttribute3", "Munich"));
        assertThat(userExport(munich).exportedValues().hash()).isNotEqualTo(userExport(ALICE).exportedValues().hash())
                .isNotEqualTo(userExport(withSite(ALICE, "Berlin")).exportedValues().hash());
        assertThat(userExport(munich).command(CommandMetadata.of(UUID.randomUUID(), Instant.EPOCH, "c"),
                Instant.EPOCH).onPremisesExtensionAttributes()).isEqualTo(munich.extensionAttributes());
    }

    @Test
    void aDeltaResolvesMembersAndOwnersItDidNotReadAgainstKnownObjectsAndPrefersWhatItRead() {
        AdGroup leads = group("5da07194-3ecf-4c61-9085-419c6dbf1e05", "Leads", null);
        String leadsId = DirectoryIds.fromAnchor(leads.anchor());
        AdGroup engineering = group("4c9f6083-2dbe-4b50-8f74-308b5cae0d04", "Engineering",
                "cn=alice,cn=users," + BASE, ALICE.distinguishedName(), leads.distinguishedName(),
                "CN=Renamed,CN=Users," + BASE, "CN=Unknown,CN=Users," + BASE);
        AdUser renamed = new AdUser(BOB.anchor(), "CN=Renamed,CN=Users," + BASE, "Renamed", "bob@corp.example.test",
                null, null, null, "bob");
        List<KnownObject> known = List.of(
                new KnownObject(DirectoryIds.fromAnchor(ALICE.anchor()), ObjectType.USER, ALICE.distinguishedName()),
                new KnownObject(leadsId, ObjectType.GROUP, leads.distinguishedName()),
                new KnownObject(DirectoryIds.fromAnchor(BOB.anchor()), ObjectType.USER, BOB.distinguishedName()));

        ExportPlan plan = ExportPlanner.plan(read(List.of(renamed), List.of(engineering)), BASE, "CORP", known);

        GroupExport exported = groups(plan).get(0);
        assertThat(exported.ownerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE.anchor()));
        assertThat(exported.memberIds()).containsExactlyInAnyOrder(DirectoryIds.fromAnchor(ALICE.anchor()), leadsId,
                DirectoryIds.fromAnchor(BOB.anchor()));
        // Only what was read is exported.
        assertThat(plan.exports()).map(ObjectExport::anchor).containsExactly(BOB.anchor(), engineering.anchor());
    }

    private static AdGroup withSite(AdGroup group, String site) {
        return new AdGroup(group.anchor(), group.distinguishedName(), group.commonName(), group.samAccountName(),
                group.displayName(), group.description(), group.mail(), group.mailNickname(), group.groupType(),
                group.securityIdentifier(), group.managedBy(), group.members(), new OnPremisesExtensionAttributes(
                        null, null, site, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    private static GroupExport export(AdGroup group) {
        return groups(ExportPlanner.plan(read(List.of(ALICE, BOB), List.of(group)), BASE, "CORP")).get(0);
    }

    private static AdUser withSite(AdUser user, String site) {
        return new AdUser(user.anchor(), user.distinguishedName(), user.commonName(), user.userPrincipalName(),
                user.displayName(), user.mail(), user.securityIdentifier(), user.samAccountName(),
                new OnPremisesExtensionAttributes(null, null, site, null, null, null, null, null, null, null, null,
                        null, null, null, null));
    }

    private static UserExport userExport(AdUser user) {
        return ExportPlanner.plan(read(List.of(user), List.of()), BASE, "CORP").exports().stream()
                .filter(UserExport.class::isInstance).map(UserExport.class::cast).findFirst().orElseThrow();
    }

    private static String hash(AdGroup group) {
        return export(group).exportedValues().hash();
    }

    private static List<GroupExport> groups(ExportPlan plan) {
        return plan.exports().stream().filter(GroupExport.class::isInstance).map(GroupExport.class::cast).toList();
    }

    private static DirectoryRead read(List<AdUser> users, List<AdGroup> groups) {
        return new DirectoryRead(users, groups, List.of(), true);
    }

    private static AdUser user(String anchor, String cn) {
        return new AdUser(anchor, "CN=" + cn + ",CN=Users," + BASE, cn, cn.toLowerCase() + "@corp.example.test", cn,
                null, null, cn.toLowerCase());
    }

    private static AdGroup group(String anchor, String cn, String managedBy, String... members) {
        return new AdGroup(anchor, "CN=" + cn + ",OU=Groups," + BASE, cn, cn, null, null, null, null,
                GroupType.of(GroupType.AD_DEFAULT), null, managedBy, List.of(members),
                OnPremisesExtensionAttributes.NONE);
    }
}
