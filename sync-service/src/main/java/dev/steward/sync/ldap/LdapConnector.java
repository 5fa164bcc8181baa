package dev.steward.sync.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.steward.sync.config.LicenceProperties;
import dev.steward.sync.config.SyncProperties;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the users and groups in scope from an LDAP directory (Active Directory or anything with its attributes):
 * users {@code (&(objectClass=user)(userPrincipalName=*))}, groups {@code (objectClass=group)}, each ANDed with the
 * scope filter, under each configured search base, a page at a time when the server offers the simple paged
 * results control.
 * <ul>
 *   <li>{@link #read()} / {@link #readAll()}: everything in scope. {@link #readAll()} also takes a {@link ChangeCookie}
 *       first, so that the next Delta starts from it.</li>
 *   <li>{@link #readChanges}: only what changed since a cookie, found with DirSync (AD, Samba) or, where the server
 *       has no DirSync, with {@code uSNChanged}; each changed object is then read whole in scope. Tombstones give
 *       deletions. A server with neither gives a full read.</li>
 *   <li>Groups on an AD server are read with ranged retrieval ({@code member;range=0-1499}, then the next range)
 *       whatever their size, so no group is cut at the server's MaxValRange.</li>
 * </ul>
 */
@Component
public class LdapConnector {

    static final String USER_FILTER = "(&(objectClass=user)(userPrincipalName=*))";
    static final String GROUP_FILTER = "(objectClass=group)";
    /** What DirSync and uSNChanged watch: users and groups, deleted ones included (tombstones keep objectClass). */
    static final String TRACKED_FILTER = "(|(objectClass=user)(objectClass=group))";
    /** Matches nothing: a DirSync search with it only moves the cookie to the present. */
    static final String NOTHING_FILTER = "(&(objectClass=group)(!(objectClass=group)))";
    static final String LDAP_CAP_ACTIVE_DIRECTORY_OID = "1.2.840.113556.1.4.800";
    static final String MEMBER = "member";
    /** Anchors per search when changed objects are read by objectGUID. */
    static final int ANCHORS_PER_SEARCH = 100;

    private static final Logger log = LoggerFactory.getLogger(LdapConnector.class);

    private final SyncProperties properties;
    private final LdapConnectorProperties options;
    /** The user attribute holding licence SKU ids; null when licences are not synced. */
    private final String licenceAttribute;
    private final String[] userAttributes;

    public LdapConnector(SyncProperties properties) {
        this(properties, LdapConnectorProperties.DEFAULTS);
    }

    public LdapConnector(SyncProperties properties, LdapConnectorProperties options) {
        this(properties, options, LicenceProperties.OFF);
    }

    @Autowired
    public LdapConnector(SyncProperties properties, LdapConnectorProperties options, LicenceProperties licences) {
        this.properties = properties;
        this.options = options;
        this.licenceAttribute = licences.attribute();
        this.userAttributes = licenceAttribute == null ? AdEntryMapper.USER_ATTRIBUTES
                : Stream.concat(Arrays.stream(AdEntryMapper.USER_ATTRIBUTES), Stream.of(licenceAttribute))
                .distinct().toArray(String[]::new);
        // Fail at start on a scope or a transport that can never work, not at the first cycle.
        userFilter();
        groupFilter();
        if (options.startTls() && properties.ldap().url() != null
                && properties.ldap().url().toLowerCase(Locale.ROOT).startsWith("ldaps:")) {
            throw new IllegalStateException("steward.sync.ldap.start-tls is for ldap:// URLs; "
                    + properties.ldap().url() + " is already LDAPS");
        }
        if (options.memberRangeSize() < 1) {
            throw new IllegalStateException("steward.sync.ldap.member-range-size must be at least 1");
        }
    }

    /** One full read of everything in scope. */
    public DirectoryRead read() {
        return withConnection((connection, server) -> fullRead(connection, server));
    }

    /**
     * A full read of everything in scope, and where the next Delta starts: the cookie is taken before the read, so a
     * change made while reading is reported again rather than missed.
     */
    public DirectoryChanges readAll() {
        return withConnection((connection, server) -> readAll(connection, server, null));
    }

    /**
     * What changed since {@code since}: the changed objects in scope read whole, deletions, objects that left the
     * scope, and the next cookie. Without a usable cookie (none, another server or scope, another mechanism) or
     * without change tracking on the server, a full read (said in the log).
     *
     * @param alsoRead anchors to read whole even if unchanged (e.g. a group awaiting takeover, a rejected export)
     */
    public DirectoryChanges readChanges(ChangeCookie since, Collection<String> alsoRead) {
        return withConnection((connection, server) -> {
            String mechanism = mechanism(server);
            if (mechanism == null) {
                return readAll(connection, server, "the server offers neither DirSync nor highestCommittedUSN "
                        + "(or steward.sync.ldap.change-tracking is none)");
            }
            if (since == null) {
                return readAll(connection, server, "no cookie of an earlier cycle");
            }
            if (!mechanism.equals(since.mechanism()) || !source().equals(since.source())) {
                return readAll(connection, server, "the last cookie was taken with " + since.mechanism() + " from "
                        + since.source() + ", not " + mechanism + " from " + source());
            }
            List<ChangedObject> changed;
            ChangeCookie next;
            if (mechanism.equals(ChangeCookie.DIRSYNC)) {
                byte[] cookie = decodeCookie(since.value());
                if (cookie == null) {
                    return readAll(connection, server, "the stored DirSync cookie is not base64");
                }
                DirSyncResult result;
                try {
                    result = dirSync(connection, server, TRACKED_FILTER, cookie);
                } catch (LDAPException e) {
                    // e.g. a cookie of a restored DC the server refuses: start over rather than fail every Delta
                    return readAll(connection, server, "the server refused the DirSync cookie: " + e.getResultCode()
                            + " " + e.getDiagnosticMessage());
                }
                changed = result.changed();
                next = new ChangeCookie(ChangeCookie.DIRSYNC, source(), Base64.getEncoder().encodeToString(result.cookie()));
            } else {
                Long usn = parseUsnOrNull(since.value());
                if (usn == null) {
                    return readAll(connection, server, "the stored USN '" + since.value() + "' is not a number");
                }
                next = new ChangeCookie(ChangeCookie.USN, source(), Long.toString(highestCommittedUsn(server)));
                changed = changedSinceUsn(connection, server, usn);
            }
            Set<String> deleted = new LinkedHashSet<>();
            Set<String> toRead = new LinkedHashSet<>();
            for (ChangedObject object : changed) {
                (object.deleted() ? deleted : toRead).add(object.anchor());
            }
            toRead.removeAll(deleted);
            alsoRead.stream().filter(anchor -> !deleted.contains(anchor)).forEach(toRead::add);
            DirectoryRead read = readByAnchor(connection, server, toRead);
            Set<String> outOfScope = new LinkedHashSet<>(toRead);
            read.users().forEach(user -> outOfScope.remove(user.anchor()));
            read.groups().forEach(group -> outOfScope.remove(group.anchor()));
            read.rejected().forEach(rejected -> outOfScope.remove(rejected.anchor()));
            log.info("{} delta: {} changed ({} deleted), {} read in scope, {} out of scope", mechanism, changed.size(),
                    deleted.size(), read.users().size() + read.groups().size(), outOfScope.size());
            return new DirectoryChanges(read, false, changed, deleted, outOfScope, next);
        });
    }

    /**
     * The raw DirSync changes since {@code cookie} (null: everything), without reading the objects: for tests and
     * diagnostics.
     */
    public DirSyncResult dirSyncChanges(byte[] cookie) {
        return withConnection((connection, server) -> dirSync(connection, server, TRACKED_FILTER, cookie));
    }

    // ---- reads

    private DirectoryChanges readAll(LDAPConnection connection, Server server, String why) throws LDAPException {
        String mechanism = mechanism(server);
        if (why != null) {
            log.info("full read instead of a delta: {}", why);
        }
        ChangeCookie cookie = null;
        if (ChangeCookie.DIRSYNC.equals(mechanism)) {
            byte[] now = dirSync(connection, server, NOTHING_FILTER, null).cookie();
            cookie = new ChangeCookie(ChangeCookie.DIRSYNC, source(), Base64.getEncoder().encodeToString(now));
        } else if (ChangeCookie.USN.equals(mechanism)) {
            cookie = new ChangeCookie(ChangeCookie.USN, source(), Long.toString(highestCommittedUsn(server)));
        }
        return DirectoryChanges.full(fullRead(connection, server), cookie);
    }

    private DirectoryRead fullRead(LDAPConnection connection, Server server) throws LDAPException {
        List<RejectedEntry> rejected = new ArrayList<>();
        Map<String, AdUser> users = new LinkedHashMap<>();
        for (String base : bases(properties.scope().userSearchBases())) {
            for (SearchResultEntry entry : search(connection, base, userFilter(), userAttributes, server.paged())) {
                map(entry, this::user, rejected).ifPresent(user -> users.putIfAbsent(user.anchor(), user));
            }
        }
        Map<String, AdGroup> groups = new LinkedHashMap<>();
        for (String base : bases(properties.scope().groupSearchBases())) {
            for (SearchResultEntry entry : search(connection, base, groupFilter(), groupAttributes(server), server.paged())) {
                mapGroup(connection, entry, rejected).ifPresent(group -> groups.putIfAbsent(group.anchor(), group));
            }
        }
        log.debug("read {} users and {} groups ({} rejected, paged: {})", users.size(), groups.size(),
                rejected.size(), server.paged());
        return new DirectoryRead(List.copyOf(users.values()), List.copyOf(groups.values()), rejected, server.paged());
    }

    /** The objects with these anchors that are users or groups in scope, each read whole. */
    private DirectoryRead readByAnchor(LDAPConnection connection, Server server, Set<String> anchors)
            throws LDAPException {
        List<RejectedEntry> rejected = new ArrayList<>();
        Map<String, AdUser> users = new LinkedHashMap<>();
        Map<String, AdGroup> groups = new LinkedHashMap<>();
        List<String> all = List.copyOf(anchors);
        for (int from = 0; from < all.size(); from += ANCHORS_PER_SEARCH) {
            Filter byGuid = Filter.createORFilter(all.subList(from, Math.min(all.size(), from + ANCHORS_PER_SEARCH))
                    .stream().map(anchor -> Filter.createEqualityFilter("objectGUID", AdGuids.toBytes(anchor)))
                    .toList());
            for (String base : bases(properties.scope().userSearchBases())) {
                for (SearchResultEntry entry : search(connection, base, Filter.createANDFilter(userFilter(), byGuid),
                        userAttributes, server.paged())) {
                    map(entry, this::user, rejected).ifPresent(user -> users.putIfAbsent(user.anchor(), user));
                }
            }
            for (String base : bases(properties.scope().groupSearchBases())) {
                for (SearchResultEntry entry : search(connection, base, Filter.createANDFilter(groupFilter(), byGuid),
                        groupAttributes(server), server.paged())) {
                    mapGroup(connection, entry, rejected).ifPresent(group -> groups.putIfAbsent(group.anchor(), group));
                }
            }
        }
        return new DirectoryRead(List.copyOf(users.values()), List.copyOf(groups.values()), rejected, server.paged());
    }

    private Optional<AdGroup> mapGroup(LDAPConnection connection, SearchResultEntry entry, List<RejectedEntry> rejected)
            throws LDAPException {
        if (AdEntryMapper.writtenBackFromTheCloud(entry)) {
            log.debug("not syncing {}: write-back created it for a cloud group", entry.getDN());
            return Optional.empty();
        }
        Entry whole;
        try {
            whole = withAllMembers(connection, entry);
        } catch (IllegalArgumentException e) {
            log.warn("not syncing {}: {}", entry.getDN(), e.getMessage());
            rejected.add(new RejectedEntry(entry.getDN(), e.getMessage(), AdEntryMapper.anchorOrNull(entry)));
            return Optional.empty();
        }
        return map(whole, AdEntryMapper::group, rejected);
    }

    /**
     * The entry with every {@code member} value as one plain attribute: when the server returned the values in ranges
     * ({@code member;range=0-1499}), the following ranges are read until the one that ends with {@code *}.
     *
     * @throws IllegalArgumentException when the server's ranges do not follow each other
     */
    Entry withAllMembers(LDAPConnection connection, Entry entry) throws LDAPException {
        Attribute ranged = rangedMember(entry);
        if (ranged == null) {
            return entry;
        }
        List<String> members = new ArrayList<>(Arrays.asList(ranged.getValues()));
        MemberRange range = MemberRange.of(ranged).orElseThrow();
        int reads = 0;
        while (!range.last()) {
            int next = range.high() + 1;
            SearchResultEntry part = connection.getEntry(entry.getDN(),
                    MemberRange.request(MEMBER, next, options.memberRangeSize()));
            Attribute values = part == null ? null : rangedMember(part);
            if (values == null) {
                if (part != null && part.getAttribute(MEMBER) != null) {
                    // the server ignored the range and answered the whole list
                    members = new ArrayList<>(Arrays.asList(part.getAttributeValues(MEMBER)));
                }
                break;
            }
            MemberRange got = MemberRange.of(values).orElseThrow();
            if (got.low() != next) {
                throw new IllegalArgumentException("the server answered member values from " + got.low()
                        + " when asked from " + next);
            }
            members.addAll(Arrays.asList(values.getValues()));
            range = got;
            reads++;
        }
        Entry whole = entry.duplicate();
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(MEMBER)) {
                whole.removeAttribute(attribute.getName());
            }
        }
        if (!members.isEmpty()) {
            whole.addAttribute(new Attribute(MEMBER, members));
        }
        if (reads > 0) {
            log.debug("read the {} members of {} in {} ranges", members.size(), entry.getDN(), reads + 1);
        }
        return whole;
    }

    private static Attribute rangedMember(Entry entry) {
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(MEMBER) && MemberRange.of(attribute).isPresent()) {
                return attribute;
            }
        }
        return null;
    }

    /** On AD (and Samba) {@code member} is asked for in ranges from the start; elsewhere plainly. */
    private String[] groupAttributes(Server server) {
        if (!server.activeDirectory()) {
            return AdEntryMapper.GROUP_ATTRIBUTES;
        }
        return Arrays.stream(AdEntryMapper.GROUP_ATTRIBUTES)
                .map(a -> a.equals(MEMBER) ? MemberRange.request(MEMBER, 0, options.memberRangeSize()) : a)
                .toArray(String[]::new);
    }

    // ---- change tracking

    /** {@link ChangeCookie#DIRSYNC}, {@link ChangeCookie#USN}, or null for none. */
    private String mechanism(Server server) {
        boolean dirSync = server.rootDse() != null && server.rootDse().supportsControl(DirSyncControl.OID);
        boolean usn = server.rootDse() != null && server.rootDse().getAttributeValue("highestCommittedUSN") != null;
        return switch (options.changeTracking()) {
            case NONE -> null;
            case DIRSYNC -> {
                if (!dirSync) {
                    throw new DirectoryReadException("steward.sync.ldap.change-tracking is dirsync, but "
                            + properties.ldap().url() + " does not offer the DirSync control");
                }
                yield ChangeCookie.DIRSYNC;
            }
            case USN -> {
                if (!usn) {
                    throw new DirectoryReadException("steward.sync.ldap.change-tracking is usn, but the root DSE of "
                            + properties.ldap().url() + " has no highestCommittedUSN");
                }
                yield ChangeCookie.USN;
            }
            case AUTO -> dirSync ? ChangeCookie.DIRSYNC : usn ? ChangeCookie.USN : null;
        };
    }

    /** One DirSync pass: searches again with the returned cookie while the server has more. */
    private DirSyncResult dirSync(LDAPConnection connection, Server server, String filter, byte[] cookie)
            throws LDAPException {
        int flags = DirSyncControl.INCREMENTAL_VALUES | (options.dirSyncObjectSecurity() ? DirSyncControl.OBJECT_SECURITY : 0);
        List<ChangedObject> changed = new ArrayList<>();
        byte[] current = cookie;
        boolean more;
        int rounds = 0;
        do {
            SearchRequest request = new SearchRequest(server.namingContext(), SearchScope.SUB, filter, trackedAttributes());
            List<Control> controls = new ArrayList<>(List.of(DirSyncControl.request(flags, options.dirSyncMaxBytes(), current)));
            if (server.showDeleted()) {
                controls.add(DirSyncControl.showDeleted());
            }
            request.setControls(controls);
            SearchResult result = connection.search(request);
            for (SearchResultEntry entry : result.getSearchEntries()) {
                changedObject(entry).ifPresent(changed::add);
            }
            DirSyncControl.Response response;
            try {
                response = DirSyncControl.response(result);
            } catch (IllegalArgumentException e) {
                throw new DirectoryReadException("DirSync on " + properties.ldap().url() + ": " + e.getMessage(), e);
            }
            current = response.cookie();
            more = response.moreResults();
            if (++rounds > 100_000) {
                throw new DirectoryReadException("DirSync on " + properties.ldap().url() + " never ends");
            }
        } while (more);
        return new DirSyncResult(changed, current == null ? new byte[0] : current);
    }

    /** Anchors of users and groups (deleted ones too, when the server shows them) changed after {@code usn}. */
    private List<ChangedObject> changedSinceUsn(LDAPConnection connection, Server server, long usn) throws LDAPException {
        Filter filter = Filter.createANDFilter(Filter.create(TRACKED_FILTER),
                Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(usn + 1)));
        List<ChangedObject> changed = new ArrayList<>();
        SearchRequest request = new SearchRequest(server.namingContext(), SearchScope.SUB, filter,
                "objectGUID", "isDeleted", "uSNChanged");
        if (!server.showDeleted()) {
            log.info("uSNChanged delta on a server without the show-deleted control: deletions are not seen");
        }
        ASN1OctetString pageCookie = null;
        do {
            List<Control> controls = new ArrayList<>();
            if (server.showDeleted()) {
                controls.add(DirSyncControl.showDeleted());
            }
            if (server.paged()) {
                controls.add(new SimplePagedResultsControl(Math.max(1, properties.ldap().pageSize()), pageCookie));
            }
            request.setControls(controls);
            SearchResult result = connection.search(request);
            for (SearchResultEntry entry : result.getSearchEntries()) {
                changedObject(entry).ifPresent(changed::add);
            }
            pageCookie = null;
            if (server.paged()) {
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                if (response != null && response.moreResultsToReturn()) {
                    pageCookie = response.getCookie();
                }
            }
        } while (pageCookie != null);
        return changed;
    }

    /** A changed entry as DirSync or a uSNChanged search returns it; empty without a readable objectGUID. */
    static Optional<ChangedObject> changedObject(Entry entry) {
        String anchor = AdEntryMapper.anchorOrNull(entry);
        if (anchor == null) {
            log.warn("ignoring the change of {}: no objectGUID", entry.getDN());
            return Optional.empty();
        }
        boolean deleted = "TRUE".equalsIgnoreCase(entry.getAttributeValue("isDeleted"));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Attribute attribute : entry.getAttributes()) {
            if (!attribute.getBaseName().equalsIgnoreCase(MEMBER)) {
                continue;
            }
            Optional<MemberRange> range;
            try {
                range = MemberRange.of(attribute);
            } catch (IllegalArgumentException e) {
                log.warn("ignoring {} of {}: {}", attribute.getName(), entry.getDN(), e.getMessage());
                continue;
            }
            // Incremental values: range=1-1 added, range=0-0 removed; without the option, the values as they are.
            boolean removal = range.isPresent() && range.get().low() == 0 && range.get().high() == 0;
            (removal ? removed : added).addAll(Arrays.asList(attribute.getValues()));
        }
        return Optional.of(new ChangedObject(anchor, entry.getDN(), deleted, added, removed));
    }

    private AdUser user(Entry entry) {
        return AdEntryMapper.user(entry, licenceAttribute);
    }

    private String[] trackedAttributes() {
        return Stream.concat(Stream.of("objectGUID", "objectClass", "isDeleted", "name"),
                Stream.concat(Arrays.stream(userAttributes), Arrays.stream(AdEntryMapper.GROUP_ATTRIBUTES)))
                .distinct().toArray(String[]::new);
    }

    private long highestCommittedUsn(Server server) {
        String text = server.rootDse().getAttributeValue("highestCommittedUSN");
        Long usn = parseUsnOrNull(text);
        if (usn == null) {
            throw new DirectoryReadException("the root DSE's highestCommittedUSN '" + text + "' is not a number");
        }
        return usn;
    }

    private static Long parseUsnOrNull(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The stored cookie's bytes; null when it is not base64. */
    private static byte[] decodeCookie(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The server and scope a cookie belongs to. */
    String source() {
        SyncProperties.Scope scope = properties.scope();
        return properties.ldap().url() + " " + properties.ldap().baseDn() + " users=" + bases(scope.userSearchBases())
                + " groups=" + bases(scope.groupSearchBases()) + " filter=" + (scope.filter() == null ? "" : scope.filter());
    }

    /**
     * The outcome of a DirSync pass.
     *
     * @param cookie where the next pass starts
     */
    public record DirSyncResult(List<ChangedObject> changed, byte[] cookie) {
    }

    // ---- connection

    /**
     * What the connector needs to know of the server, from its root DSE.
     *
     * @param namingContext the naming context holding the base DN: DirSync searches start there
     */
    private record Server(RootDSE rootDse, boolean paged, boolean activeDirectory, boolean showDeleted,
                          String namingContext) {
    }

    @FunctionalInterface
    private interface LdapWork<T> {
        T run(LDAPConnection connection, Server server) throws LDAPException;
    }

    private <T> T withConnection(LdapWork<T> work) {
        SyncProperties.Ldap ldap = properties.ldap();
        if (isBlank(ldap.url()) || isBlank(ldap.baseDn())) {
            throw new DirectoryReadException("steward.sync.ldap.url and steward.sync.ldap.base-dn must be set");
        }
        try (LDAPConnection connection = connect(ldap)) {
            return work.run(connection, server(connection));
        } catch (LDAPException e) {
            throw new DirectoryReadException("cannot read " + ldap.url() + ": " + e.getResultCode() + " "
                    + (e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage()), e);
        }
    }

    private Server server(LDAPConnection connection) throws LDAPException {
        RootDSE rootDse = connection.getRootDSE();
        if (rootDse == null) {
            return new Server(null, false, false, false, properties.ldap().baseDn());
        }
        boolean activeDirectory = rootDse.getAttribute("supportedCapabilities") != null
                && rootDse.getAttribute("supportedCapabilities").hasValue(LDAP_CAP_ACTIVE_DIRECTORY_OID);
        return new Server(rootDse, rootDse.supportsControl(SimplePagedResultsControl.PAGED_RESULTS_OID),
                activeDirectory, rootDse.supportsControl(DirSyncControl.SHOW_DELETED_OID),
                namingContext(rootDse, properties.ldap().baseDn()));
    }

    /** The server's naming context that holds {@code baseDn}; the base DN itself when none does. */
    static String namingContext(RootDSE rootDse, String baseDn) {
        String[] contexts = rootDse.getNamingContextDNs();
        try {
            DN base = new DN(baseDn);
            String best = null;
            int depth = -1;
            for (String context : contexts == null ? new String[0] : contexts) {
                DN dn = new DN(context);
                if (base.isDescendantOf(dn, true) && dn.getRDNs().length > depth) {
                    best = context;
                    depth = dn.getRDNs().length;
                }
            }
            return best != null ? best : baseDn;
        } catch (LDAPException e) {
            return baseDn;
        }
    }

    private LDAPConnection connect(SyncProperties.Ldap ldap) throws LDAPException {
        LDAPURL url = new LDAPURL(ldap.url());
        LDAPConnectionOptions connectionOptions = new LDAPConnectionOptions();
        connectionOptions.setConnectTimeoutMillis((int) ldap.connectTimeout().toMillis());
        connectionOptions.setResponseTimeoutMillis(ldap.responseTimeout().toMillis());
        connectionOptions.setFollowReferrals(false);
        if (options.verifyHostName()) {
            connectionOptions.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        SSLUtil ssl = ldaps || options.startTls() ? sslUtil(ldap) : null;
        LDAPConnection connection;
        if (ldaps) {
            try {
                connection = new LDAPConnection(ssl.createSSLSocketFactory(), connectionOptions);
            } catch (GeneralSecurityException e) {
                throw new DirectoryReadException("cannot set up TLS for " + ldap.url() + ": " + e.getMessage(), e);
            }
        } else {
            connection = new LDAPConnection(connectionOptions);
        }
        try {
            connection.connect(url.getHost(), url.getPort());
            if (options.startTls()) {
                ExtendedResult started;
                try {
                    started = connection.processExtendedOperation(new StartTLSExtendedRequest(ssl.createSSLContext()));
                } catch (GeneralSecurityException e) {
                    throw new DirectoryReadException("cannot set up TLS for " + ldap.url() + ": " + e.getMessage(), e);
                }
                if (started.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(started);
                }
            }
            if (!isBlank(ldap.bindDn())) {
                connection.bind(ldap.bindDn(), ldap.password() == null ? "" : ldap.password());
            }
            return connection;
        } catch (LDAPException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private SSLUtil sslUtil(SyncProperties.Ldap ldap) {
        if (isBlank(options.trustedCertificates())) {
            return new SSLUtil(JVMDefaultTrustManager.getInstance());
        }
        List<File> files = Arrays.stream(options.trustedCertificates().split(",")).map(String::trim)
                .filter(f -> !f.isEmpty()).map(File::new).toList();
        try {
            TrustManager trust = new PEMFileTrustManager(files);
            return new SSLUtil(trust);
        } catch (java.security.KeyStoreException e) {
            throw new DirectoryReadException("steward.sync.ldap.trusted-certificates (" + options.trustedCertificates()
                    + ") cannot be read: " + e.getMessage(), e);
        }
    }

    private List<SearchResultEntry> search(LDAPConnection connection, String base, Filter filter, String[] attributes,
                                           boolean paged) throws LDAPException {
        List<SearchResultEntry> entries = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
            if (paged) {
                request.setControls(new SimplePagedResultsControl(Math.max(1, properties.ldap().pageSize()), cookie));
            }
            SearchResult result = connection.search(request);
            entries.addAll(result.getSearchEntries());
            cookie = null;
            if (paged) {
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                if (response != null && response.moreResultsToReturn()) {
                    cookie = response.getCookie();
                }
            }
        } while (cookie != null);
        return entries;
    }

    private static <T> Optional<T> map(Entry entry, Function<Entry, T> mapper, List<RejectedEntry> rejected) {
        try {
            return Optional.of(mapper.apply(entry));
        } catch (IllegalArgumentException e) {
            log.warn("not syncing {}: {}", entry.getDN(), e.getMessage());
            rejected.add(new RejectedEntry(entry.getDN(), e.getMessage(), AdEntryMapper.anchorOrNull(entry)));
            return Optional.empty();
        }
    }

    private List<String> bases(List<String> configured) {
        List<String> bases = configured == null ? List.of() : configured.stream().filter(b -> !isBlank(b)).toList();
        return bases.isEmpty() ? List.of(properties.ldap().baseDn()) : bases;
    }

    Filter userFilter() {
        return scoped(USER_FILTER);
    }

    Filter groupFilter() {
        return scoped(GROUP_FILTER);
    }

    private Filter scoped(String objectFilter) {
        String extra = properties.scope().filter();
        try {
            Filter base = Filter.create(objectFilter);
            return isBlank(extra) ? base : Filter.createANDFilter(base, Filter.create(extra.trim()));
        } catch (LDAPException e) {
            throw new IllegalStateException("steward.sync.scope.filter is not an LDAP filter: " + extra, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
