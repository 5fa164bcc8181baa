package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.TenantSettingsChanged;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.UserSynced;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Which audit activity each integration event becomes: one row per event type, pointing at the mapper of its
 * source (directory, self-service, sync engine). A message without a row is not auditable. Most events become one
 * entry; member and owner events become one entry per member or owner, and name the group from a {@link GroupLookup}.
 */
@Component
public class AuditEntryMapper {

    private final Map<Class<?>, BiFunction<IntegrationEvent, GroupLookup, List<DirectoryAudit>>> mappers =
            new LinkedHashMap<>();

    public AuditEntryMapper() {
        register(GroupCreated.class, DirectoryEventAudits::groupCreated);
        register(GroupUpdated.class, DirectoryEventAudits::groupUpdated);
        registerWithGroups(GroupDeleted.class, (event, groups) -> List.of(DirectoryEventAudits.groupDeleted(event, groups)));
        registerWithGroups(MembersAdded.class, MembershipEventAudits::membersAdded);
        registerWithGroups(MembersRemoved.class, MembershipEventAudits::membersRemoved);
        registerWithGroups(OwnersAdded.class, MembershipEventAudits::ownersAdded);
        registerWithGroups(OwnersRemoved.class, MembershipEventAudits::ownersRemoved);
        register(SourceOfAuthorityChanged.class, DirectoryEventAudits::sourceOfAuthorityChanged);
        register(UserSynced.class, DirectoryEventAudits::userSynced);
        register(UserDeleted.class, DirectoryEventAudits::userDeleted);
        register(UserLicensesChanged.class, DirectoryEventAudits::userLicensesChanged);
        register(MembershipRequested.class, SelfServiceEventAudits::membershipRequested);
        register(MembershipRequestRouted.class, SelfServiceEventAudits::routed);
        register(MembershipRequestApproved.class, SelfServiceEventAudits::approved);
        register(MembershipRequestRejected.class, SelfServiceEventAudits::rejected);
        register(MembershipRequestCancelled.class, SelfServiceEventAudits::cancelled);
        register(MembershipRequestReminded.class, SelfServiceEventAudits::reminded);
        register(MembershipRequestExpired.class, SelfServiceEventAudits::expired);
        register(MembershipRequestCompleted.class, SelfServiceEventAudits::completed);
        register(MembershipRequestAddRefused.class, SelfServiceEventAudits::addRefused);
        register(GroupJoinPolicyChanged.class, SelfServiceEventAudits::joinPolicyChanged);
        register(MembershipRequestFirstStageApproved.class, SelfServiceEventAudits::firstStageApproved);
        register(MembershipRequestClosed.class, SelfServiceEventAudits::closed);
        register(GroupSecondStageApproverChanged.class, SelfServiceEventAudits::secondStageApproverChanged);
        register(TenantSettingsChanged.class, SelfServiceEventAudits::tenantSettingsChanged);
        register(SyncChangeSkipped.class, SyncEventAudits::syncChangeSkipped);
        register(SyncCycleCompleted.class, SyncEventAudits::syncCycleCompleted);
        register(GroupWrittenBack.class, SyncEventAudits::groupWrittenBack);
        register(WriteBackDriftDetected.class, SyncEventAudits::writeBackDriftDetected);
        register(WriteBackDriftResolved.class, SyncEventAudits::writeBackDriftResolved);
    }

    private <E extends IntegrationEvent> void register(Class<E> type, Function<E, DirectoryAudit> mapper) {
        registerWithGroups(type, (event, groups) -> List.of(mapper.apply(event)));
    }

    private <E extends IntegrationEvent> void registerWithGroups(Class<E> type,
                                                                 BiFunction<E, GroupLookup, List<DirectoryAudit>> mapper) {
        mappers.put(type, (event, groups) -> mapper.apply(type.cast(event), groups));
    }

    /**
     * The audit entries of {@code message}, in the event's order.
     *
     * @param groups the groups known so far, to name a group an event carries only the id of
     * @throws NotAuditableException when the message is not an integration event with an audit activity
     */
    public List<DirectoryAudit> toEntries(ContractMessage message, GroupLookup groups) {
        if (message == null) {
            throw new NotAuditableException("the record has no message");
        }
        BiFunction<IntegrationEvent, GroupLookup, List<DirectoryAudit>> mapper = mappers.get(message.getClass());
        if (mapper == null) {
            throw new NotAuditableException("no audit activity for message type '" + typeName(message) + "'");
        }
        return mapper.apply((IntegrationEvent) message, groups);
    }

    /** The event types that have an audit activity. */
    public Set<Class<?>> auditedTypes() {
        return Set.copyOf(mappers.keySet());
    }

    private static String typeName(ContractMessage message) {
        try {
            return MessageTypes.nameOf(message.getClass());
        } catch (IllegalArgumentException e) {
            return message.getClass().getSimpleName();
        }
    }
}
