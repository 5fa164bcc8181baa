package dev.steward.directory.it;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncUser;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fresh AD objects for each test, so tests sharing a context never see each other's groups. */
final class Samples {

    static final String ALICE_ID = DirectoryIds.fromAnchor("2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02");
    static final String BOB_ID = DirectoryIds.fromAnchor("3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03");

    private Samples() {
    }

    /** An AD group as the sync engine describes it. */
    record AdGroup(String anchor, String id, String name, boolean mailEnabled, boolean securityEnabled, String mail) {

        static AdGroup security(String prefix) {
            String anchor = UUID.randomUUID().toString();
            return new AdGroup(anchor, DirectoryIds.fromAnchor(anchor), prefix + "-" + anchor.substring(0, 8), false,
                    true, null);
        }

        static AdGroup distribution(String prefix) {
            String anchor = UUID.randomUUID().toString();
            String name = prefix + "-" + anchor.substring(0, 8);
            return new AdGroup(anchor, DirectoryIds.fromAnchor(anchor), name, true, false,
                    name.toLowerCase() + "@corp.example.test");
        }

        AdGroup renamed(String newName) {
            return new AdGroup(anchor, id, newName, mailEnabled, securityEnabled, mail);
        }

        SyncGroupFromOnPremises command(Instant syncedAt) {
            return command(syncedAt, ExtensionAttributes.NONE);
        }

        /** The sync of this group with AD's extension attributes. */
        SyncGroupFromOnPremises command(Instant syncedAt, ExtensionAttributes extensionAttributes) {
            return new SyncGroupFromOnPremises(id, anchor, name, "from AD", name, mail, mailEnabled, securityEnabled,
                    List.of(), "S-1-5-21-1004336348-1177238915-682003330-" + (2000 + Math.abs(anchor.hashCode() % 1000)),
                    name, "corp.example.test", "CORP", "CN=" + name + ",OU=Groups,DC=corp,DC=example,DC=test",
                    extensionAttributes, syncedAt);
        }

        SyncGroup contract(Instant syncedAt) {
            return contract(syncedAt, ExtensionAttributes.NONE);
        }

        SyncGroup contract(Instant syncedAt, ExtensionAttributes extensionAttributes) {
            SyncGroupFromOnPremises c = command(syncedAt, extensionAttributes);
            return new SyncGroup(metadata(), c.groupId(), c.anchor(), c.displayName(), c.description(),
                    c.mailNickname(), c.mail(), c.mailEnabled(), c.securityEnabled(), c.groupTypes(),
                    c.onPremisesSecurityIdentifier(), c.onPremisesSamAccountName(), c.onPremisesDomainName(),
                    c.onPremisesNetBiosName(), c.onPremisesDistinguishedName(),
                    OnPremisesExtensionAttributes.of(c.onPremisesExtensionAttributes().values()), c.syncedAt());
        }
    }

    static SyncUser syncUser(String anchor, String upn) {
        return new SyncUser(metadata(), DirectoryIds.fromAnchor(anchor), anchor, upn, upn.substring(0, upn.indexOf('@')),
                upn, "S-1-5-21-1004336348-1177238915-682003330-3001", upn.substring(0, upn.indexOf('@')),
                "CN=" + upn + ",CN=Users,DC=corp,DC=example,DC=test", Instant.parse("2026-01-01T10:00:00Z"));
    }

    static ChangeSourceOfAuthority changeSourceOfAuthority(String groupId, boolean isCloudManaged) {
        return new ChangeSourceOfAuthority(metadata(), groupId, isCloudManaged);
    }

    static CommandMetadata metadata() {
        return new CommandMetadata(UUID.randomUUID(), Instant.now(), "corr-" + UUID.randomUUID());
    }
}
