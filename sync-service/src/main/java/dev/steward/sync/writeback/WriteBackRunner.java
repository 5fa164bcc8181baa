package dev.steward.sync.writeback;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.sync.writeback.WriteBackAnnouncer.Outcome;
import dev.steward.sync.writeback.WriteBackNames.UnwritableNameException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.IdGenerator;

/**
 * One write-back run: every due group, one at a time. A group's failure (AD away, a constraint violation, a value AD
 * refuses) is recorded on the group and retried at the next run; it never stops the run nor the service.
 */
public class WriteBackRunner {

    private static final Logger log = LoggerFactory.getLogger(WriteBackRunner.class);

    private final WriteBackStore store;
    private final AdGroupWriter writer;
    private final WriteBackProperties properties;
    private final WriteBackScope scope;
    private final IdGenerator ids;
    private final WriteBackAnnouncer announcer;

    public WriteBackRunner(WriteBackStore store, AdGroupWriter writer, WriteBackProperties properties, IdGenerator ids,
                           WriteBackAnnouncer announcer) {
        this.announcer = announcer;
        this.store = store;
        this.writer = writer;
        this.properties = properties;
        this.scope = new WriteBackScope(properties);
        this.ids = ids;
    }

    /** What one run did. */
    public record RunResult(int written, int failed, int held, int refused, int deleted, int outOfScope) {
    }

    private static final class Tally {
        int written;
        int failed;
        int held;
        int refused;
        int deleted;
        int outOfScope;

        RunResult result() {
            return new RunResult(written, failed, held, refused, deleted, outOfScope);
        }
    }

    /** Writes every due group; groups that list a group written for the first time are written again after it. */
    public RunResult run() {
        return run(() -> true);
    }

    /**
     * As {@link #run()}, asking {@code keepGoing} before each group: a run stops (the rest wait for the next run) when
     * it answers false, e.g. this instance no longer holds the write-back lease.
     */
    public synchronized RunResult run(BooleanSupplier keepGoing) {
        Tally tally = new Tally();
        LDAPConnection connection = null;
        try {
            List<WriteBackGroup> due = store.due();
            Set<String> firstWritten = new LinkedHashSet<>();
            for (WriteBackGroup group : due) {
                if (!keepGoing.getAsBoolean()) {
                    log.warn("write-back run stopped before group {}: this instance lost the write-back lease; the "
                            + "rest wait for the next run", group.groupId());
                    return tally.result();
                }
                connection = handle(group, connection, tally, firstWritten);
            }
            // A parent handled before its new child could not list it yet.
            Set<String> parents = new LinkedHashSet<>();
            for (String child : firstWritten) {
                parents.addAll(store.parentsOf(child));
            }
            for (String parent : parents) {
                Optional<WriteBackGroup> group = store.find(parent);
                if (group.isPresent() && group.get().status() == WriteBackStatus.WRITTEN) {
                    connection = handle(group.get(), connection, tally, new LinkedHashSet<>());
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        RunResult result = tally.result();
        if (result.written() + result.failed() + result.held() + result.refused() + result.deleted() > 0) {
            log.info("write-back run: {}", result);
        }
        return result;
    }

    private LDAPConnection handle(WriteBackGroup group, LDAPConnection connection, Tally tally, Set<String> firstWritten) {
        if (!group.deleted()) {
            Optional<String> exclusion = scope.exclusion(group);
            if (exclusion.isPresent()) {
                if (group.status() != WriteBackStatus.OUT_OF_SCOPE || !Objects.equals(group.handledVersion(), group.cloudVersion())) {
                    store.recordOutOfScope(group, exclusion.get());
                }
                tally.outOfScope++;
                return connection;
            }
        }
        try {
            if (connection == null || !connection.isConnected()) {
                if (connection != null) {
                    connection.close();
                }
                connection = writer.connect();
            }
            if (group.deleted()) {
                delete(connection, group);
                tally.deleted++;
            } else if (write(connection, group)) {
                tally.written++;
                if (!group.everWritten()) {
                    firstWritten.add(group.groupId());
                }
            } else {
                tally.held++;
            }
        } catch (UnwritableNameException e) {
            log.warn("write-back refuses group {} ({}): {}", group.groupId(), printable(group.displayName()), e.getMessage());
            announcer.outcome(group, Outcome.of(GroupWrittenBack.REFUSED, group.adObjectGuid(), null, e.getMessage()),
                    () -> store.recordHandled(group, WriteBackStatus.REFUSED, e.getMessage()));
            tally.refused++;
        } catch (LDAPException e) {
            String error = e.getResultCode() + ": " + (e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage());
            log.warn("write-back of group {} ({}) failed, retried at the next run: {}", group.groupId(),
                    printable(group.displayName()), error);
            failed(group, error);
            tally.failed++;
            if (connection != null && !e.getResultCode().isConnectionUsable()) {
                connection.close();
                connection = null;
            }
        } catch (RuntimeException e) {
            log.warn("write-back of group {} failed, retried at the next run", group.groupId(), e);
            failed(group, e.toString());
            tally.failed++;
        }
        return connection;
    }

    /** Writes the group; false when it was held because AD was changed directly. */
    private boolean write(LDAPConnection connection, WriteBackGroup group) throws LDAPException {
        if (group.refusal() != null) {
            throw new UnwritableNameException(group.refusal());
        }
        AdGroupState ad = locate(connection, group);
        List<CloudMember> cloud = store.cloudMembers(group.groupId());
        Set<String> baseline = group.everWritten() ? store.baseline(group.groupId()) : null;
        MemberPlan plan = MemberPlan.of(ad.members(), baseline, cloud);

        List<String> changedAttributes = new ArrayList<>();
        if (group.everWritten()) {
            attributeDrift("displayName", group.writtenDisplayName(), ad.displayName(), group.displayName(), changedAttributes);
            attributeDrift("description", group.writtenDescription(), ad.description(), group.description(), changedAttributes);
        }
        if (plan.drifted() || !changedAttributes.isEmpty()) {
            log.warn("group {} ({}) was changed directly in AD at {}: members added {}, members removed {}, attributes {}; "
                            + "held until an administrator resolves the drift", group.groupId(),
                    printable(group.displayName()), ad.dn(), plan.addedInAd(), plan.removedInAd(), changedAttributes);
            String driftId = ids.generateId().toString();
            announcer.drift(group, driftId, ad.dn(), plan.addedInAd(), plan.removedInAd(), changedAttributes,
                    () -> store.recordDrift(group, ad.dn(), plan.addedInAd(), plan.removedInAd(), changedAttributes,
                            driftId));
            return false;
        }

        String dn = ad.dn();
        if (group.cloudNative()) {
            String commonName = WriteBackNames.commonName(group.displayName(), group.groupId());
            if (!commonName.equals(ad.commonName())) {
                String renamed = writer.rename(connection, dn, commonName);
                store.renameInBaselines(MemberPlan.normalize(dn), MemberPlan.normalize(renamed));
                dn = renamed;
                store.recordAdGroup(group.groupId(), ad.objectGuid(), dn);
            }
        }
        if (!Objects.equals(emptyToNull(ad.displayName()), emptyToNull(group.displayName()))) {
            writer.replace(connection, dn, "displayName", group.displayName());
        }
        if (!Objects.equals(emptyToNull(ad.description()), emptyToNull(group.description()))) {
            writer.replace(connection, dn, "description", group.description());
        }

        if (baseline == null) {
            store.clearBaseline(group.groupId());
            store.changeBaseline(group.groupId(), ad.members().stream().map(MemberPlan::normalize).toList(), List.of());
        }
        int chunk = properties.memberChunkSize();
        for (int i = 0; i < plan.toRemove().size(); i += chunk) {
            List<String> part = plan.toRemove().subList(i, Math.min(plan.toRemove().size(), i + chunk));
            writer.changeMembers(connection, dn, ModificationType.DELETE, part);
            store.changeBaseline(group.groupId(), List.of(), part.stream().map(MemberPlan::normalize).toList());
        }
        for (int i = 0; i < plan.toAdd().size(); i += chunk) {
            List<String> part = plan.toAdd().subList(i, Math.min(plan.toAdd().size(), i + chunk));
            writer.changeMembers(connection, dn, ModificationType.ADD, part);
            store.changeBaseline(group.groupId(), part.stream().map(MemberPlan::normalize).toList(), List.of());
        }
        String writtenDn = dn;
        announcer.outcome(group, Outcome.written(ad.objectGuid(), dn, plan.toAdd().size(), plan.toRemove().size(),
                plan.skipped()), () -> store.recordWritten(group, ad.objectGuid(),
                        writtenDn, group.displayName(), group.description(), plan.skipped()));
        log.info("wrote group {} ({}) to {}: {} members added, {} removed, {} cloud members not in AD",
                group.groupId(), printable(group.displayName()), dn, plan.toAdd().size(), plan.toRemove().size(),
                plan.skipped());
        return true;
    }

    /**
     * The AD group of a cloud group: for an SOA-converted group the one it came from (by objectGUID); for a
     * cloud-native one the group write-back created (by objectGUID once known, else by the anchor attribute), created
     * in the target OU when there is none.
     */
    private AdGroupState locate(LDAPConnection connection, WriteBackGroup group) throws LDAPException {
        if (group.sourceOfAuthorityConverted()) {
            return writer.findByGuid(connection, group.onPremisesAnchor()).orElseThrow(() -> new LDAPException(
                    com.unboundid.ldap.sdk.ResultCode.NO_SUCH_OBJECT, "the AD group the group came from (objectGUID "
                    + group.onPremisesAnchor() + ") is not in AD"));
        }
        String anchorAttribute = writer.anchorAttribute(connection);
        String anchor = WriteBackNames.anchor(group.groupId());
        Optional<AdGroupState> found = group.adObjectGuid() != null
                ? writer.findByGuid(connection, group.adObjectGuid()) : Optional.empty();
        if (found.isEmpty()) {
            found = writer.findByAnchor(connection, anchorAttribute, anchor);
        }
        if (found.isPresent()) {
            return found.get();
        }
        if (properties.targetOu() == null || properties.targetOu().isBlank()) {
            throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.PARAM_ERROR,
                    "steward.sync.writeback.target-ou is not set: nowhere to create the group");
        }
        String commonName = WriteBackNames.commonName(group.displayName(), group.groupId());
        DN dn = WriteBackNames.groupDn(commonName, properties.targetOu());
        AdGroupState created = writer.create(connection, dn, commonName, properties.newGroupScope().groupType(),
                group.displayName(), group.description(), anchorAttribute, anchor);
        store.recordAdGroup(group.groupId(), created.objectGuid(), created.dn());
        log.info("created AD group {} (objectGUID {}) for cloud group {}", created.dn(), created.objectGuid(), group.groupId());
        return created;
    }

    private void delete(LDAPConnection connection, WriteBackGroup group) throws LDAPException {
        if (!group.cloudNative()) {
            String note = "deleted in the cloud; the AD group it came from (objectGUID " + group.onPremisesAnchor()
                    + ") and its SID are left in AD: deleting it there is the AD administrators' clean-up";
            log.info("group {} ({}): {}", group.groupId(), printable(group.displayName()), note);
            announcer.outcome(group, Outcome.of(GroupWrittenBack.LEFT_IN_AD, group.onPremisesAnchor(), null, note),
                    () -> store.recordGone(group, WriteBackStatus.LEFT_IN_AD, note));
            return;
        }
        Optional<AdGroupState> ad = group.adObjectGuid() != null
                ? writer.findByGuid(connection, group.adObjectGuid())
                : writer.findByAnchor(connection, writer.anchorAttribute(connection), WriteBackNames.anchor(group.groupId()));
        if (ad.isPresent()) {
            writer.delete(connection, ad.get().dn());
            log.info("deleted AD group {} of deleted cloud group {}", ad.get().dn(), group.groupId());
            announcer.outcome(group, Outcome.of(GroupWrittenBack.DELETED, ad.get().objectGuid(), ad.get().dn(), null),
                    () -> store.recordGone(group, WriteBackStatus.DELETED, null));
        } else {
            announcer.outcome(group, Outcome.of(GroupWrittenBack.DELETED, group.adObjectGuid(), null,
                    "no AD group to delete"), () -> store.recordGone(group, WriteBackStatus.DELETED,
                            "no AD group to delete"));
        }
    }

    /**
     * Records the failure; the first failure after another outcome is announced ({@code Failed}), the retries of a
     * group that keeps failing are not (a run every interval would announce the same failure again and again).
     */
    private void failed(WriteBackGroup group, String error) {
        if (group.status() == WriteBackStatus.FAILED) {
            store.recordFailure(group.groupId(), error);
        } else {
            announcer.outcome(group, Outcome.of(GroupWrittenBack.FAILED, group.adObjectGuid(), null, error),
                    () -> store.recordFailure(group.groupId(), error));
        }
    }

    /** AD's value changed since the last write and the write would overwrite it. */
    private static void attributeDrift(String name, String written, String inAd, String cloud, List<String> changes) {
        if (!Objects.equals(emptyToNull(written), emptyToNull(inAd)) && !Objects.equals(emptyToNull(inAd), emptyToNull(cloud))) {
            changes.add(name + ": written " + quote(written) + ", in AD " + quote(inAd));
        }
    }

    private static String quote(String value) {
        return value == null ? "none" : "\"" + value + "\"";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A name for the log: control characters (a NUL, a line break) shown as escapes. */
    static String printable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
