package dev.steward.launcher.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ReadOnlyModifyDNRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Active Directory does on every write and the in-memory server does not: it assigns objectGUID and objectSid
 * (domain SID + next RID) to new objects, keeps distinguishedName, and advances uSNCreated / uSNChanged / whenChanged,
 * with the root DSE's {@code highestCommittedUSN}, so that a sync engine can track changes the AD way
 * ({@code (uSNChanged>=n)}). It also reports every successful write, so the directory can be saved.
 */
final class ActiveDirectoryEmulation extends InMemoryOperationInterceptor {

    static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";
    /** AD's default for a new group without groupType: global security. */
    static final String GLOBAL_SECURITY = "-2147483646";

    private static final Logger LOG = Logger.getLogger(ActiveDirectoryEmulation.class.getName());
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'.0Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> CHANGE_TRACKING = Set.of("usnchanged", "whenchanged");

    private final AtomicLong usn = new AtomicLong();
    private final AtomicLong nextRid = new AtomicLong(1000);
    private final Clock clock;
    private final Runnable onChange;
    private volatile InMemoryDirectoryServer server;

    ActiveDirectoryEmulation(Clock clock, Runnable onChange) {
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Continues the USN and RID sequences from the directory's current content. */
    void attach(InMemoryDirectoryServer server, String baseDn) throws LDAPException {
        this.server = server;
        for (SearchResultEntry entry : server.search(baseDn, SearchScope.SUB, "(objectClass=*)",
                "uSNChanged", "uSNCreated", "objectSid").getSearchEntries()) {
            for (String attribute : List.of("uSNChanged", "uSNCreated")) {
                Long value = entry.getAttributeValueAsLong(attribute);
                if (value != null) {
                    usn.accumulateAndGet(value, Math::max);
                }
            }
            byte[] sid = entry.getAttributeValueBytes("objectSid");
            if (sid != null) {
                String text = AdIdentifiers.sid(sid);
                if (text.startsWith(DOMAIN_SID + "-")) {
                    long rid = Long.parseLong(text.substring(DOMAIN_SID.length() + 1));
                    nextRid.accumulateAndGet(rid + 1, Math::max);
                }
            }
        }
    }

    long highestCommittedUsn() {
        return usn.get();
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        AddRequest add = request.getRequest().duplicate();
        Entry entry = new Entry(add.getDN(), add.getAttributes());
        String now = now();
        String changeNumber = Long.toString(usn.incrementAndGet());
        if (!entry.hasAttribute("objectGUID")) {
            entry.addAttribute("objectGUID", AdIdentifiers.objectGuid(UUID.randomUUID()));
        }
        boolean securityPrincipal = entry.hasObjectClass("user") || entry.hasObjectClass("group");
        if (securityPrincipal && !entry.hasAttribute("objectSid")) {
            entry.addAttribute("objectSid", AdIdentifiers.objectSid(DOMAIN_SID + "-" + nextRid.getAndIncrement()));
        }
        if (securityPrincipal && !entry.hasAttribute("sAMAccountName")) {
            entry.addAttribute("sAMAccountName", entry.getParsedDN().getRDN().getAttributeValues()[0]);
        }
        if (entry.hasObjectClass("group") && !entry.hasAttribute("groupType")) {
            entry.addAttribute("groupType", GLOBAL_SECURITY);
        }
        entry.setAttribute("distinguishedName", entry.getDN());
        entry.setAttribute("uSNCreated", changeNumber);
        entry.setAttribute("uSNChanged", changeNumber);
        entry.setAttribute("whenCreated", now);
        entry.setAttribute("whenChanged", now);
        request.setRequest(new AddRequest(entry, add.getControls()));
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
        ModifyRequest modify = request.getRequest().duplicate();
        List<Modification> modifications = new ArrayList<>();
        for (Modification modification : modify.getModifications()) {
            if (!CHANGE_TRACKING.contains(modification.getAttributeName().toLowerCase())) {
                modifications.add(modification);
            }
        }
        modifications.add(new Modification(ModificationType.REPLACE, "uSNChanged",
                Long.toString(usn.incrementAndGet())));
        modifications.add(new Modification(ModificationType.REPLACE, "whenChanged", now()));
        request.setRequest(new ModifyRequest(modify.getDN(), modifications, modify.getControls()));
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
        if (result.getResult().getResultCode() != ResultCode.SUCCESS) {
            return;
        }
        ReadOnlyModifyDNRequest request = result.getRequest();
        try {
            DN oldDn = new DN(request.getDN());
            DN parent = request.getNewSuperiorDN() != null ? new DN(request.getNewSuperiorDN()) : oldDn.getParent();
            DN newDn = new DN(new RDN(request.getNewRDN()), parent);
            server.modify(newDn.toString(),
                    new Modification(ModificationType.REPLACE, "distinguishedName", newDn.toString()),
                    new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn.incrementAndGet())),
                    new Modification(ModificationType.REPLACE, "whenChanged", now()));
        } catch (LDAPException e) {
            LOG.log(Level.WARNING, "cannot record the rename of " + request.getDN(), e);
        }
        onChange.run();
    }

    @Override
    public void processAddResult(InMemoryInterceptedAddResult result) {
        changed(result.getResult().getResultCode());
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        changed(result.getResult().getResultCode());
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
        changed(result.getResult().getResultCode());
    }

    /** The root DSE carries AD's {@code highestCommittedUSN}, the starting point of a USN-based delta. */
    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        SearchResultEntry entry = result.getSearchEntry();
        if (!entry.getDN().isEmpty()) {
            return;
        }
        List<String> requested = result.getRequest().getAttributeList();
        boolean wanted = requested.isEmpty() || requested.stream().anyMatch(attribute ->
                attribute.equals("*") || attribute.equals("+") || attribute.equalsIgnoreCase("highestCommittedUSN"));
        if (wanted) {
            Entry withUsn = entry.duplicate();
            withUsn.setAttribute("highestCommittedUSN", Long.toString(usn.get()));
            result.setSearchEntry(withUsn);
        }
    }

    private void changed(ResultCode resultCode) {
        if (resultCode == ResultCode.SUCCESS) {
            onChange.run();
        }
    }

    private String now() {
        return GENERALIZED_TIME.format(clock.instant());
    }
}
