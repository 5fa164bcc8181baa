package dev.steward.sync.writeback;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import dev.steward.platform.outbox.Outbox;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Announces what write-back did on {@code steward.sync.events}: each outcome is recorded in write-back's tables and its
 * event appended to the outbox in one transaction, so an event is published exactly when its record committed.
 */
public class WriteBackAnnouncer {

    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final IdGenerator ids;
    private final Clock clock;
    private final Initiator engine;

    public WriteBackAnnouncer(Outbox outbox, TransactionTemplate transaction, IdGenerator ids, Clock clock,
                              Initiator engine) {
        this.outbox = outbox;
        this.transaction = transaction;
        this.ids = ids;
        this.clock = clock;
        this.engine = engine;
    }

    /** Runs {@code record} and announces the group's outcome ({@link GroupWrittenBack}) with it. */
    public void outcome(WriteBackGroup group, Outcome outcome, Runnable record) {
        transaction.executeWithoutResult(status -> {
            record.run();
            outbox.append(Topics.SYNC_EVENTS, new GroupWrittenBack(metadata(group.groupId(), engine), group.groupId(),
                    group.displayName(), outcome.kind(), outcome.adObjectGuid(), outcome.distinguishedName(),
                    outcome.membersAdded(), outcome.membersRemoved(), outcome.membersNotWritten(), outcome.reason()));
        });
    }

    /**
     * What write-back did with a group: {@code kind} is one of {@link GroupWrittenBack}'s outcomes; the member counts
     * are those of a write, the reason that of anything else.
     */
    public record Outcome(String kind, String adObjectGuid, String distinguishedName, int membersAdded,
                          int membersRemoved, int membersNotWritten, String reason) {

        /** The group and its members written to AD. */
        public static Outcome written(String adObjectGuid, String distinguishedName, int membersAdded,
                                      int membersRemoved, int membersNotWritten) {
            return new Outcome(GroupWrittenBack.WRITTEN, adObjectGuid, distinguishedName, membersAdded, membersRemoved,
                    membersNotWritten, null);
        }

        /** Anything but a write: deleted, left in AD, refused, failed; no members written. */
        public static Outcome of(String kind, String adObjectGuid, String distinguishedName, String reason) {
            return new Outcome(kind, adObjectGuid, distinguishedName, 0, 0, 0, reason);
        }
    }

    /** Runs {@code record} (the drift row, the group held) and announces the drift with it. */
    public void drift(WriteBackGroup group, String driftId, String distinguishedName, Collection<String> addedInAd,
                      Collection<String> removedInAd, List<String> attributesChanged, Runnable record) {
        transaction.executeWithoutResult(status -> {
            record.run();
            outbox.append(Topics.SYNC_EVENTS, new WriteBackDriftDetected(metadata(group.groupId(), engine),
                    group.groupId(), group.displayName(), driftId, distinguishedName, List.copyOf(addedInAd),
                    List.copyOf(removedInAd), attributesChanged));
        });
    }

    /** Resolves the drift ({@code resolve} answers whether there was one) and announces it, by {@code initiator}. */
    public boolean resolved(String groupId, String displayName, String resolvedBy, Initiator initiator,
                            BooleanSupplier resolve) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!resolve.getAsBoolean()) {
                return false;
            }
            outbox.append(Topics.SYNC_EVENTS, new WriteBackDriftResolved(metadata(groupId, initiator), groupId,
                    displayName, resolvedBy));
            return true;
        }));
    }

    private EventMetadata metadata(String groupId, Initiator initiator) {
        return new EventMetadata(ids.generateId(), clock.instant(), groupId, null, initiator,
                EventMetadata.CURRENT_SCHEMA_VERSION);
    }
}
