package dev.steward.directory.kafka;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncUser;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import dev.steward.directory.policy.DirectorySyncPolicy;
import dev.steward.directory.policy.SourceOfAuthorityPolicy;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.Caller;
import java.util.function.Predicate;

/**
 * A contract command from Kafka as the Axon command it becomes, with the policy that authorises it: the same
 * policies as the HTTP API.
 */
record DirectoryCommandTranslation(Object command, Predicate<Caller> policy) {

    /** @throws IllegalArgumentException for a message that is not a directory command (dead-lettered) */
    static DirectoryCommandTranslation of(ContractCommand command) {
        if (command instanceof ChangeSourceOfAuthority change) {
            return new DirectoryCommandTranslation(
                    new SwitchSourceOfAuthority(change.groupId(), change.isCloudManaged()),
                    SourceOfAuthorityPolicy::allowsSwitch);
        }
        if (command instanceof SyncGroup sync) {
            return new DirectoryCommandTranslation(new SyncGroupFromOnPremises(sync.groupId(), sync.anchor(),
                    sync.displayName(), sync.description(), sync.mailNickname(), sync.mail(), sync.mailEnabled(),
                    sync.securityEnabled(), sync.groupTypes(), sync.onPremisesSecurityIdentifier(),
                    sync.onPremisesSamAccountName(), sync.onPremisesDomainName(), sync.onPremisesNetBiosName(),
                    sync.onPremisesDistinguishedName(), sync.ownerIds(), sync.memberIds(), sync.syncedAt()),
                    DirectorySyncPolicy::allows);
        }
        if (command instanceof SyncUser sync) {
            return new DirectoryCommandTranslation(new SyncUserFromOnPremises(sync.userId(), sync.anchor(),
                    sync.userPrincipalName(), sync.displayName(), sync.mail(), sync.onPremisesSecurityIdentifier(),
                    sync.onPremisesSamAccountName(), sync.onPremisesDistinguishedName(), sync.syncedAt()),
                    DirectorySyncPolicy::allows);
        }
        throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not a directory command");
    }
}
