package dev.steward.audit.directoryaudit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CommandResult.ContractCommandRef;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandResultAuditsTest {

    private static final String GROUP_ID = "0b7a4f7c-55aa-4c2b-9d4e-3f1c2a6b8e02";
    private static final GroupLookup ENGINEERING = id -> GROUP_ID.equals(id)
            ? Optional.of(new AuditedGroup(GROUP_ID, "Engineering", "azureAD")) : Optional.empty();
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void recordsARefusedAddMembersAsAFailedAddMemberToGroup() {
        CommandResult refused = rejected("directory.AddMembers", GROUP_ID, "Request_BadRequest",
                "One or more added object references already exist for the following modified properties: 'members'.");

        DirectoryAudit entry = CommandResultAudits.rejected(refused, ENGINEERING).orElseThrow();

        assertThat(entry.activityDisplayName()).isEqualTo("Add member to group");
        assertThat(entry.category()).isEqualTo("GroupManagement");
        assertThat(entry.loggedByService()).isEqualTo("Core Directory");
        assertThat(entry.operationType()).isEqualTo("Assign");
        assertThat(entry.result()).isEqualTo("failure");
        assertThat(entry.resultReason()).startsWith("One or more added object references already exist");
        assertThat(entry.activityDateTime()).isEqualTo(AT);
        assertThat(entry.correlationId()).isEqualTo("corr-1");
        assertThat(entry.targetResources()).singleElement().satisfies(group -> {
            assertThat(group.id()).isEqualTo(GROUP_ID);
            assertThat(group.displayName()).isEqualTo("Engineering");
            assertThat(group.type()).isEqualTo("Group");
        });
        assertThat(entry.additionalDetails()).extracting(d -> d.key() + "=" + d.value())
                .contains("errorCode=Request_BadRequest", "commandType=directory.AddMembers",
                        "commandId=" + refused.commandId());
        assertThat(entry.initiatedBy().user()).isNull();
        assertThat(entry.initiatedBy().app()).isNull();
    }

    @Test
    void namesTheActivityOfEveryRefusedGroupCommand() {
        assertThat(activity("directory.CreateGroup")).isEqualTo("Add group / Add");
        assertThat(activity("directory.UpdateGroup")).isEqualTo("Update group / Update");
        assertThat(activity("directory.DeleteGroup")).isEqualTo("Delete group / Delete");
        assertThat(activity("directory.RemoveMembers")).isEqualTo("Remove member from group / Unassign");
        assertThat(activity("directory.AddOwners")).isEqualTo("Add owner to group / Assign");
        assertThat(activity("directory.RemoveOwners")).isEqualTo("Remove owner from group / Unassign");
        assertThat(activity("directory.ChangeSourceOfAuthority"))
                .isEqualTo("Change Source of Authority from AD to cloud / Update");
    }

    @Test
    void usesTheErrorCodeAsReasonWhenTheRefusalHasNoMessage() {
        DirectoryAudit entry = CommandResultAudits.rejected(rejected("directory.DeleteGroup", "unknown-group",
                "Request_ResourceNotFound", null), ENGINEERING).orElseThrow();

        assertThat(entry.resultReason()).isEqualTo("Request_ResourceNotFound");
        assertThat(entry.targetResources()).singleElement().satisfies(group -> {
            assertThat(group.id()).isEqualTo("unknown-group");
            assertThat(group.displayName()).isNull();
        });
    }

    @Test
    void givesTheEntryAnIdThatARedeliveryRepeatsAndNoEventShares() {
        CommandResult refused = rejected("directory.AddOwners", GROUP_ID, "Request_BadRequest", "no");

        String id = CommandResultAudits.rejected(refused, ENGINEERING).orElseThrow().id();

        assertThat(CommandResultAudits.rejected(refused, ENGINEERING).orElseThrow().id()).isEqualTo(id);
        assertThat(id).isNotEqualTo(refused.commandId().toString());
    }

    @Test
    void recordsNothingForSucceededCommandsSyncCommandsAndUnknownTypes() {
        var ref = new ContractCommandRef(UUID.randomUUID(), "directory.AddMembers", "corr", GROUP_ID);

        assertThat(CommandResultAudits.rejected(CommandResult.succeeded(ref, AT), ENGINEERING)).isEmpty();
        assertThat(CommandResultAudits.rejected(rejected("directory.SyncGroup", GROUP_ID, "SourceOfAuthorityInCloud",
                "cloud-managed"), ENGINEERING)).isEmpty();
        assertThat(CommandResultAudits.rejected(rejected("directory.Unknown", GROUP_ID, "x", "y"), ENGINEERING))
                .isEmpty();
        assertThat(CommandResultAudits.rejected(rejected(null, null, "Request_BadRequest", "unreadable"), ENGINEERING))
                .isEmpty();
    }

    private static String activity(String commandType) {
        DirectoryAudit entry = CommandResultAudits.rejected(rejected(commandType, GROUP_ID, "Request_BadRequest",
                "no"), ENGINEERING).orElseThrow();
        assertThat(entry.result()).isEqualTo("failure");
        return entry.activityDisplayName() + " / " + entry.operationType();
    }

    private static CommandResult rejected(String type, String groupId, String code, String message) {
        return CommandResult.rejected(new ContractCommandRef(UUID.randomUUID(), type, "corr-1", groupId), code,
                message, AT);
    }
}
