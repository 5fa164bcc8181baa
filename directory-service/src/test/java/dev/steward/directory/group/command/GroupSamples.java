package dev.steward.directory.group.command;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.common.SecurityIdentifiers;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import java.time.Instant;
import java.util.List;

/** The seed forest's groups as the sync engine sends them. */
final class GroupSamples {

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant SYNCED_AT = Instant.parse("2026-01-01T09:59:00Z");
    static final String ENGINEERING_ANCHOR = "4c9f6083-2dbe-4b50-8f74-308b5cae0d04";
    static final String ENGINEERING_ID = DirectoryIds.fromAnchor(ENGINEERING_ANCHOR);
    static final String MARKETING_ANCHOR = "6eb182a5-4fd0-4d72-a196-52ad7ec02f06";
    static final String MARKETING_ID = DirectoryIds.fromAnchor(MARKETING_ANCHOR);
    static final String ALICE_ID = DirectoryIds.fromAnchor("2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02");
    static final String BOB_ID = DirectoryIds.fromAnchor("3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03");
    static final String CLOUD_GROUP_ID = "0c1d2e3f-4a5b-4c6d-8e7f-901234567890";

    private GroupSamples() {
    }

    static SyncGroupFromOnPremises syncEngineering() {
        return syncEngineering("Engineering", SYNCED_AT);
    }

    static SyncGroupFromOnPremises syncEngineering(String displayName, Instant syncedAt) {
        return syncEngineering(displayName, syncedAt, ExtensionAttributes.NONE);
    }

    static SyncGroupFromOnPremises syncEngineering(String displayName, Instant syncedAt,
                                                   ExtensionAttributes extensionAttributes) {
        return new SyncGroupFromOnPremises(ENGINEERING_ID, ENGINEERING_ANCHOR, displayName, "Engineering staff",
                "Engineering", null, false, true, List.of(), "S-1-5-21-1004336348-1177238915-682003330-1104",
                "Engineering", "corp.example.test", "CORP", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
                extensionAttributes, syncedAt);
    }

    /** AD's extensionAttribute1 (a cost centre) and extensionAttribute3 (a site) on Engineering. */
    static ExtensionAttributes engineeringAttributes(String site) {
        return new ExtensionAttributes("CC-4711", null, site, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The state the first sync of Engineering creates. */
    static GroupState engineering() {
        return engineering("Engineering", SYNCED_AT);
    }

    static GroupState engineering(String displayName, Instant lastSync) {
        return engineering(displayName, lastSync, ExtensionAttributes.NONE);
    }

    static GroupState engineering(String displayName, Instant lastSync, ExtensionAttributes extensionAttributes) {
        return new GroupState(ENGINEERING_ID, displayName, "Engineering staff", "Engineering", null, false, true,
                List.of(), null, NOW, true, false, ENGINEERING_ANCHOR, "S-1-5-21-1004336348-1177238915-682003330-1104",
                "Engineering", "corp.example.test", "CORP", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
                lastSync, SecurityIdentifiers.fromObjectId(ENGINEERING_ID), extensionAttributes);
    }

    static SyncGroupFromOnPremises syncMarketing() {
        return new SyncGroupFromOnPremises(MARKETING_ID, MARKETING_ANCHOR, "Marketing-DL", null, "Marketing-DL",
                "marketing@corp.example.test", true, false, List.of(), "S-1-5-21-1004336348-1177238915-682003330-1106",
                "Marketing-DL", "corp.example.test", "CORP", "CN=Marketing-DL,OU=Groups,DC=corp,DC=example,DC=test",
                ExtensionAttributes.NONE, SYNCED_AT);
    }

    static GroupState marketing() {
        return new GroupState(MARKETING_ID, "Marketing-DL", null, "Marketing-DL", "marketing@corp.example.test", true,
                false, List.of(), null, NOW, true, false, MARKETING_ANCHOR,
                "S-1-5-21-1004336348-1177238915-682003330-1106", "Marketing-DL", "corp.example.test", "CORP",
                "CN=Marketing-DL,OU=Groups,DC=corp,DC=example,DC=test", SYNCED_AT,
                SecurityIdentifiers.fromObjectId(MARKETING_ID), ExtensionAttributes.NONE);
    }

    static CreateGroup createCloudGroup() {
        return new CreateGroup(CLOUD_GROUP_ID, "Project X", "Cloud-only project team", "projectx", null, false, true,
                List.of(), null, List.of(), List.of());
    }

    static GroupState cloudGroup() {
        return new GroupState(CLOUD_GROUP_ID, "Project X", "Cloud-only project team", "projectx", null, false, true,
                List.of(), null, NOW, null, false, null, null, null, null, null, null, null,
                SecurityIdentifiers.fromObjectId(CLOUD_GROUP_ID), ExtensionAttributes.NONE);
    }
}
