package dev.steward.sync.writeback;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;

/**
 * Keeps write-back's copy of the directory's security groups and their members up to date from the directory's
 * events. Idempotent: applying an event again changes nothing but the cloud version (which only makes the group due).
 */
public class WriteBackEvents {

    private final WriteBackStore store;

    public WriteBackEvents(WriteBackStore store) {
        this.store = store;
    }

    public void apply(ContractMessage message) {
        if (message instanceof GroupCreated created) {
            store.saveSnapshot(created.group());
        } else if (message instanceof GroupUpdated updated) {
            store.saveSnapshot(updated.group());
        } else if (message instanceof SourceOfAuthorityChanged changed) {
            store.changeSourceOfAuthority(changed.groupId(), changed.isCloudManaged());
        } else if (message instanceof MembersAdded added) {
            store.addMembers(added.groupId(), added.members());
        } else if (message instanceof MembersRemoved removed) {
            store.removeMembers(removed.groupId(), removed.members());
        } else if (message instanceof GroupDeleted deleted) {
            store.markDeleted(deleted.groupId());
        }
        // other events (users, owners, requests) do not change what is written to AD
    }
}
