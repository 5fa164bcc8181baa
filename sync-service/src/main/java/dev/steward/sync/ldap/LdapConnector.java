package dev.steward.sync.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.SSLUtil;
import dev.steward.sync.config.SyncProperties;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the users and groups in scope from an LDAP directory (Active Directory or anything with its attributes):
 * users {@code (&(objectClass=user)(userPrincipalName=*))}, groups {@code (objectClass=group)}, each ANDed with the
 * scope filter, under each configured search base, a page at a time when the server offers the simple paged
 * results control.
 */
@Component
public class LdapConnector {

    static final String USER_FILTER = "(&(objectClass=user)(userPrincipalName=*))";
    static final String GROUP_FILTER = "(objectClass=group)";

    private static final Logger log = LoggerFactory.getLogger(LdapConnector.class);

    private final SyncProperties properties;

    public LdapConnector(SyncProperties properties) {
        this.properties = properties;
        // Fail at start on a scope that can never work, not at the first cycle.
        userFilter();
        groupFilter();
    }

    /** One full read of everything in scope. */
    public DirectoryRead read() {
        SyncProperties.Ldap ldap = properties.ldap();
        if (isBlank(ldap.url()) || isBlank(ldap.baseDn())) {
            throw new DirectoryReadException("steward.sync.ldap.url and steward.sync.ldap.base-dn must be set");
        }
        try (LDAPConnection connection = connect(ldap)) {
            RootDSE rootDse = connection.getRootDSE();
            boolean paged = rootDse != null && rootDse.supportsControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
            List<RejectedEntry> rejected = new ArrayList<>();
            Map<String, AdUser> users = new LinkedHashMap<>();
            for (String base : bases(properties.scope().userSearchBases())) {
                for (SearchResultEntry entry : search(connection, base, userFilter(), AdEntryMapper.USER_ATTRIBUTES, paged)) {
                    map(entry, AdEntryMapper::user, rejected).ifPresent(user -> users.putIfAbsent(user.anchor(), user));
                }
            }
            Map<String, AdGroup> groups = new LinkedHashMap<>();
            for (String base : bases(properties.scope().groupSearchBases())) {
                for (SearchResultEntry entry : search(connection, base, groupFilter(), AdEntryMapper.GROUP_ATTRIBUTES, paged)) {
                    map(entry, AdEntryMapper::group, rejected).ifPresent(group -> groups.putIfAbsent(group.anchor(), group));
                }
            }
            log.debug("read {} users and {} groups ({} rejected, paged: {})", users.size(), groups.size(),
                    rejected.size(), paged);
            return new DirectoryRead(List.copyOf(users.values()), List.copyOf(groups.values()), rejected, paged);
        } catch (LDAPException e) {
            throw new DirectoryReadException("cannot read " + ldap.url() + ": " + e.getResultCode() + " "
                    + (e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage()), e);
        }
    }

    private LDAPConnection connect(SyncProperties.Ldap ldap) throws LDAPException {
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
                throw new DirectoryReadException("cannot set up TLS for " + ldap.url() + ": " + e.getMessage(), e);
            }
        } else {
            connection = new LDAPConnection(options);
        }
        try {
            connection.connect(url.getHost(), url.getPort());
            if (!isBlank(ldap.bindDn())) {
                connection.bind(ldap.bindDn(), ldap.password() == null ? "" : ldap.password());
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
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

    private static <T> Optional<T> map(SearchResultEntry entry, Function<SearchResultEntry, T> mapper,
                                                  List<RejectedEntry> rejected) {
        try {
            return Optional.of(mapper.apply(entry));
        } catch (IllegalArgumentException e) {
            log.warn("not syncing {}: {}", entry.getDN(), e.getMessage());
            rejected.add(new RejectedEntry(entry.getDN(), e.getMessage()));
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
