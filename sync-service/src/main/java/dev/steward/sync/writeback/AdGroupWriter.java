package dev.steward.sync.writeback;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.PermissiveModifyRequestControl;
import com.unboundid.util.ssl.SSLUtil;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.ldap.AdGuids;
import dev.steward.sync.ldap.AdSids;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-back's LDAP operations on AD groups, over a connection it opens per run. Groups are found by objectGUID (the
 * sync anchor) or by the anchor attribute, never by name; every DN and filter is built from UnboundID's {@link DN},
 * {@link RDN} and {@link Filter} objects, and sent as {@link WriteBackNames#toAdString} writes it. Member changes go in modifies of at most {@code member-chunk-size} values,
 * with the permissive modify control, so that a retried chunk does not fail on values already there (or gone).
 */
public class AdGroupWriter {

    public static final String EXTERNAL_DIRECTORY_OBJECT_ID = "msDS-ExternalDirectoryObjectId";
    public static final String ADMIN_DESCRIPTION = "adminDescription";

    private static final Logger log = LoggerFactory.getLogger(AdGroupWriter.class);
    private static final Pattern RANGE = Pattern.compile("(?i)^member;range=(\\d+)-(\\d+|\\*)$");
    private static final String[] GROUP_ATTRIBUTES = {"objectGUID", "objectSid", "cn", "displayName", "description",
            "groupType", "member"};

    private final SyncProperties.Ldap ldap;
    private final WriteBackProperties properties;
    private volatile String anchorAttribute;

    public AdGroupWriter(SyncProperties sync, WriteBackProperties properties) {
        this.ldap = sync.ldap();
        this.properties = properties;
        if (!WriteBackProperties.AUTO.equalsIgnoreCase(properties.anchorAttribute())) {
            this.anchorAttribute = properties.anchorAttribute();
        }
    }

    public LDAPConnection connect() throws LDAPException {
        if (ldap.url() == null || ldap.url().isBlank() || ldap.baseDn() == null || ldap.baseDn().isBlank()) {
            throw new LDAPException(ResultCode.PARAM_ERROR, "steward.sync.ldap.url and steward.sync.ldap.base-dn must be set");
        }
        LDAPURL url = new LDAPURL(ldap.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) ldap.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(ldap.responseTimeout().toMillis());
        options.setFollowReferrals(false);
        LDAPConnection connection;
        if ("ldaps".equalsIgnoreCase(url.getScheme())) {
            try {
                connection = new LDAPConnection(new SSLUtil().createSSLSocketFactory(), options);
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot set up TLS for " + ldap.url(), e);
            }
        } else {
            connection = new LDAPConnection(options);
        }
        try {
            connection.connect(url.getHost(), url.getPort());
            boolean own = properties.bindDn() != null && !properties.bindDn().isBlank();
            String bindDn = own ? properties.bindDn() : ldap.bindDn();
            String password = own ? properties.password() : ldap.password();
            if (bindDn != null && !bindDn.isBlank()) {
                connection.bind(bindDn, password == null ? "" : password);
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The attribute that anchors a cloud-native group: the configured one, or with {@code auto}
     * {@code msDS-ExternalDirectoryObjectId} (as Entra) when the schema has it, else {@code adminDescription}.
     */
    public String anchorAttribute(LDAPConnection connection) throws LDAPException {
        String known = anchorAttribute;
        if (known != null) {
            return known;
        }
        RootDSE rootDse = connection.getRootDSE();
        String schema = rootDse == null ? null : rootDse.getAttributeValue("schemaNamingContext");
        String chosen = ADMIN_DESCRIPTION;
        if (schema != null) {
            SearchResult found = connection.search(new SearchRequest(schema, SearchScope.ONE,
                    Filter.createEqualityFilter("lDAPDisplayName", EXTERNAL_DIRECTORY_OBJECT_ID), "lDAPDisplayName"));
            if (found.getEntryCount() > 0) {
                chosen = EXTERNAL_DIRECTORY_OBJECT_ID;
            }
        }
        log.info("write-back anchors cloud-native groups with {} (schema {})", chosen, schema == null ? "not published" : schema);
        anchorAttribute = chosen;
        return chosen;
    }

    public Optional<AdGroupState> findByGuid(LDAPConnection connection, String objectGuid) throws LDAPException {
        return findOne(connection, Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                Filter.createEqualityFilter("objectGUID", AdGuids.toBytes(objectGuid))));
    }

    public Optional<AdGroupState> findByAnchor(LDAPConnection connection, String attribute, String value)
            throws LDAPException {
        return findOne(connection, Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                Filter.createEqualityFilter(attribute, value)));
    }

    private Optional<AdGroupState> findOne(LDAPConnection connection, Filter filter) throws LDAPException {
        SearchResult result = connection.search(new SearchRequest(ldap.baseDn(), SearchScope.SUB, filter, GROUP_ATTRIBUTES));
        if (result.getEntryCount() > 1) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, result.getEntryCount() + " AD groups match " + filter);
        }
        if (result.getEntryCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(state(connection, result.getSearchEntries().get(0)));
    }

    /** Reads a group entry, fetching the rest of a {@code member} AD returned in ranges. */
    private AdGroupState state(LDAPConnection connection, SearchResultEntry entry) throws LDAPException {
        List<String> members = new ArrayList<>();
        String next = collectMembers(entry, members);
        while (next != null) {
            SearchResultEntry more = connection.getEntry(entry.getDN(), next);
            if (more == null) {
                break;
            }
            next = collectMembers(more, members);
        }
        Integer groupType = entry.hasAttribute("groupType") ? entry.getAttributeValueAsInteger("groupType") : null;
        byte[] sid = entry.getAttributeValueBytes("objectSid");
        return new AdGroupState(entry.getDN(), AdGuids.toCanonical(entry.getAttributeValueBytes("objectGUID")),
                sid == null ? null : AdSids.toText(sid), entry.getAttributeValue("cn"),
                entry.getAttributeValue("displayName"), entry.getAttributeValue("description"), groupType,
                List.copyOf(members));
    }

    /** Adds the entry's member values; returns the next range to ask for, or null when all were read. */
    private static String collectMembers(Entry entry, List<String> members) {
        String next = null;
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getName().equalsIgnoreCase("member")) {
                members.addAll(List.of(attribute.getValues()));
                continue;
            }
            Matcher range = RANGE.matcher(attribute.getName());
            if (range.matches()) {
                members.addAll(List.of(attribute.getValues()));
                if (!range.group(2).equals("*")) {
                    next = "member;range=" + (Long.parseLong(range.group(2)) + 1) + "-*";
                }
            }
        }
        return next;
    }

    /** Creates a security group with no members; returns it as AD now holds it (with its objectGUID and SID). */
    public AdGroupState create(LDAPConnection connection, DN dn, String commonName, int groupType,
                               String displayName, String description, String anchorAttribute, String anchorValue)
            throws LDAPException {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "group"),
                new Attribute("cn", commonName),
                new Attribute("groupType", Integer.toString(groupType)),
                new Attribute(anchorAttribute, anchorValue)));
        if (displayName != null && !displayName.isEmpty()) {
            attributes.add(new Attribute("displayName", displayName));
        }
        if (description != null && !description.isEmpty()) {
            attributes.add(new Attribute("description", description));
        }
        String text = WriteBackNames.toAdString(dn);
        connection.add(new Entry(text, attributes));
        return read(connection, text);
    }

    public AdGroupState read(LDAPConnection connection, String dn) throws LDAPException {
        SearchResultEntry entry = connection.getEntry(dn, GROUP_ATTRIBUTES);
        if (entry == null) {
            throw new LDAPException(ResultCode.NO_SUCH_OBJECT, dn + " is not in AD");
        }
        return state(connection, entry);
    }

    /** Renames the group to {@code cn=<commonName>} in its container; returns the new DN. */
    public String rename(LDAPConnection connection, String dn, String commonName) throws LDAPException {
        String rdn = WriteBackNames.toAdString(new DN(new RDN("cn", commonName)));
        connection.modifyDN(dn, rdn, true);
        DN parent = new DN(dn).getParent();
        return parent == null ? rdn : rdn + "," + WriteBackNames.toAdString(parent);
    }

    /** Sets a single-valued string attribute; null or empty removes it. */
    public void replace(LDAPConnection connection, String dn, String attribute, String value) throws LDAPException {
        Modification modification = value == null || value.isEmpty()
                ? new Modification(ModificationType.REPLACE, attribute)
                : new Modification(ModificationType.REPLACE, attribute, value);
        connection.modify(new ModifyRequest(dn, List.of(modification), permissive()));
    }

    /** Adds or removes member values, one modify per chunk. */
    public void changeMembers(LDAPConnection connection, String dn, ModificationType type, List<String> values)
            throws LDAPException {
        if (values.isEmpty()) {
            return;
        }
        connection.modify(new ModifyRequest(dn,
                List.of(new Modification(type, "member", values.toArray(String[]::new))), permissive()));
    }

    public void delete(LDAPConnection connection, String dn) throws LDAPException {
        connection.delete(new DeleteRequest(dn));
    }

    private static Control[] permissive() {
        return new Control[] {new PermissiveModifyRequestControl(false)};
    }
}
