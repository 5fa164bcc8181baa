package dev.steward.sync.cycle;

import dev.steward.sync.config.DeletionProperties;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.ldap.DirectoryChanges;
import dev.steward.sync.ldap.DirectoryRead;
import dev.steward.sync.ldap.RejectedEntry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletions that only a full read reveals (an Initial cycle, a Delta without a usable cookie, a server without DirSync
 * or uSNChanged): an object of the connector space that the read did not return is gone from the scope, deleted in
 * AD or moved out of it (a full read cannot tell which; it is recorded as having left the scope). Such objects are
 * added to the import's out-of-scope anchors, so the cycle deletes them as it does a tombstone.
 * <p>
 * Guards, because a read that misses objects is more often a broken bind, search base or filter than a wiped AD:
 * <ul>
 *   <li>a read that returned no user and no group deletes nothing (a read that failed part-way fails the cycle before
 *       this point);</li>
 *   <li>an entry the read found but could not map (rejected, with its objectGUID) is not missing;</li>
 *   <li>more missing objects than {@code steward.sync.deletions.threshold}: none is deleted, said in the log at every
 *       such cycle until the threshold is raised or the objects are back.</li>
 * </ul>
 */
@Component
public class FullReadDeletions {

    private static final Logger log = LoggerFactory.getLogger(FullReadDeletions.class);

    private final ConnectorSpace connectorSpace;
    private final DeletionProperties properties;

    public FullReadDeletions(ConnectorSpace connectorSpace, DeletionProperties properties) {
        this.connectorSpace = connectorSpace;
        this.properties = properties;
    }

    /** The import with the objects a full read did not find again among its out-of-scope anchors. */
    public DirectoryChanges withMissingObjects(String cycleId, DirectoryChanges changes) {
        if (!changes.fullRead()) {
            return changes;
        }
        Decision decision = decide(connectorSpace.anchorsNotDeletedInAd(), changes.read(), properties.threshold());
        switch (decision.verdict()) {
            case NOTHING_MISSING -> {
                return changes;
            }
            case EMPTY_READ -> {
                log.warn("cycle {}: the full read returned no user and no group; the {} objects of the connector space "
                        + "are not deleted (check the bind account, search bases and scope filter)", cycleId,
                        decision.missing().size());
                return changes;
            }
            case OVER_THRESHOLD -> {
                log.warn("cycle {}: the full read did not find {} objects of the connector space, more than "
                        + "steward.sync.deletions.threshold ({}): none of them is deleted. If AD really lost them, "
                        + "raise the threshold for one cycle", cycleId, decision.missing().size(),
                        properties.threshold());
                return changes;
            }
            default -> {
                log.info("cycle {}: {} objects of the connector space are no longer in AD's scope: deleting their "
                        + "cloud objects", cycleId, decision.missing().size());
                Set<String> outOfScope = new LinkedHashSet<>(changes.outOfScope());
                outOfScope.addAll(decision.missing());
                return new DirectoryChanges(changes.read(), true, changes.changed(), changes.deleted(), outOfScope,
                        changes.cookie());
            }
        }
    }

    /**
     * @param known     anchors of the connector space's objects not yet deleted
     * @param read      what the full read returned
     * @param threshold the most deletions allowed; zero or negative for no limit
     */
    static Decision decide(Collection<String> known, DirectoryRead read, int threshold) {
        Set<String> missing = new LinkedHashSet<>(known);
        read.users().forEach(user -> missing.remove(user.anchor()));
        read.groups().forEach(group -> missing.remove(group.anchor()));
        read.rejected().stream().map(RejectedEntry::anchor).filter(Objects::nonNull).forEach(missing::remove);
        if (missing.isEmpty()) {
            return new Decision(Verdict.NOTHING_MISSING, Set.of());
        }
        if (read.users().isEmpty() && read.groups().isEmpty()) {
            return new Decision(Verdict.EMPTY_READ, missing);
        }
        if (threshold > 0 && missing.size() > threshold) {
            return new Decision(Verdict.OVER_THRESHOLD, missing);
        }
        return new Decision(Verdict.DELETE, missing);
    }

    enum Verdict { NOTHING_MISSING, DELETE, EMPTY_READ, OVER_THRESHOLD }

    /** @param missing the connector space's objects the read did not return */
    record Decision(Verdict verdict, Set<String> missing) {
    }
}
