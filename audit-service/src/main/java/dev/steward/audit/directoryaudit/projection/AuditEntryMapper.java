package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.contracts.event.UserSynced;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Which audit activity each integration event becomes: one row per event type, pointing at the mapper of its
 * source (directory, self-service, sync engine). A message without a row is not auditable.
 */
@Component
public class AuditEntryMapper {

    private final Map<Class<?>, Function<IntegrationEvent, DirectoryAudit>> mappers = new LinkedHashMap<>();

    public AuditEntryMapper() {
        register(GroupCreated.class, DirectoryEventAudits::groupCreated);
        register(GroupUpdated.class, DirectoryEventAudits::groupUpdated);
        register(SourceOfAuthorityChanged.class, DirectoryEventAudits::sourceOfAuthorityChanged);
        register(UserSynced.class, DirectoryEventAudits::userSynced);
        register(MembershipRequested.class, SelfServiceEventAudits::membershipRequested);
        register(SyncChangeSkipped.class, SyncEventAudits::syncChangeSkipped);
        register(SyncCycleCompleted.class, SyncEventAudits::syncCycleCompleted);
    }

    private <E extends IntegrationEvent> void register(Class<E> type, Function<E, DirectoryAudit> mapper) {
        mappers.put(type, event -> mapper.apply(type.cast(event)));
    }

    /**
     * The audit entry of {@code message}.
     *
     * @throws NotAuditableException when the message is not an integration event with an audit activity
     */
    public DirectoryAudit toEntry(ContractMessage message) {
        if (message == null) {
            throw new NotAuditableException("the record has no message");
        }
        Function<IntegrationEvent, DirectoryAudit> mapper = mappers.get(message.getClass());
        if (mapper == null) {
            throw new NotAuditableException("no audit activity for message type '" + typeName(message) + "'");
        }
        return mapper.apply((IntegrationEvent) message);
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
