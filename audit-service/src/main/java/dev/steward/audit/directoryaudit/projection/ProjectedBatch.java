package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import java.util.List;
import java.util.Optional;

/**
 * What a batch projection did, message by message in the batch's order: each projected message's entries (new or
 * already recorded) and how many of them it added, or why the message could not be projected. A projection that
 * stops at the first message it cannot project ({@link AuditProjector#projectUntilFailure}) ends the list there.
 */
public record ProjectedBatch(List<Outcome> outcomes) {

    /** One message: its entries and how many were new, or the reason it has none. */
    public record Outcome(List<DirectoryAudit> entries, int added, RuntimeException unprojectable) {

        public boolean projected() {
            return unprojectable == null;
        }
    }

    /** The position and reason of the first message that could not be projected. */
    public Optional<Integer> firstFailure() {
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).projected()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
