package dev.steward.sync.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.sync.*}: where the directory is, what is in scope, and when cycles run. The sync engine's commands
 * carry a token it obtains as a client ({@code steward.client.*}, platform's {@code ServiceTokens}).
 *
 * @param netbiosName         the domain's NetBIOS name; default the first DC label of the base DN, upper-cased
 * @param initialCycleOnStart queue an Initial cycle when the service starts
 */
@ConfigurationProperties("steward.sync")
public record SyncProperties(
        @DefaultValue Ldap ldap,
        @DefaultValue Scope scope,
        String netbiosName,
        @DefaultValue Schedule schedule,
        @DefaultValue("true") boolean initialCycleOnStart,
        @DefaultValue Engine engine) {

    /**
     * @param url      {@code ldap://host:port} or {@code ldaps://host:port}
     * @param bindDn   empty for an anonymous bind
     * @param pageSize entries per page when the server supports the simple paged results control
     */
    public record Ldap(
            String url,
            String bindDn,
            String password,
            String baseDn,
            @DefaultValue("500") int pageSize,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("120s") Duration responseTimeout) {
    }

    /**
     * @param userSearchBases  subtrees searched for users; default the base DN
     * @param groupSearchBases subtrees searched for groups; default the base DN
     * @param filter           an LDAP filter ANDed to both searches; by default AD's critical system objects
     *                         (built-in accounts and groups) are left out
     */
    public record Scope(
            List<String> userSearchBases,
            List<String> groupSearchBases,
            @DefaultValue("(!(isCriticalSystemObject=TRUE))") String filter) {
    }

    /** @param interval time between scheduled Delta cycles; zero or negative disables the schedule */
    public record Schedule(@DefaultValue("PT30M") Duration interval) {
    }

    /**
     * @param appId           the sync engine's application id: the initiator of scheduled cycles
     * @param maxQueuedCycles on-demand cycles that may wait behind the running one; more are refused with 409
     * @param exportAnswerTimeout how long a cycle waits for the directory to answer its users and groups before it
     *                        sends their membership anyway
     * @param leaseDuration   how long the instance running cycles keeps the database lease without renewing it (it
     *                        renews it every second while it runs); after that another instance takes over
     * @param pollInterval    how often an instance looks for cycles queued on other instances
     */
    public record Engine(
            @DefaultValue("a0000000-0000-4000-8000-0000000000a1") String appId,
            @DefaultValue("Steward Sync") String appDisplayName,
            @DefaultValue("5") int maxQueuedCycles,
            @DefaultValue("60s") Duration exportAnswerTimeout,
            @DefaultValue("30s") Duration leaseDuration,
            @DefaultValue("2s") Duration pollInterval) {
    }

    /** {@code DC=corp,DC=example,DC=test} -> {@code corp.example.test}. */
    public static String domainNameOf(String dn) {
        if (dn == null) {
            return null;
        }
        StringBuilder domain = new StringBuilder();
        for (String rdn : dn.split("(?<!\\\\),")) {
            String part = rdn.trim();
            if (part.regionMatches(true, 0, "DC=", 0, 3)) {
                if (!domain.isEmpty()) {
                    domain.append('.');
                }
                domain.append(part.substring(3).trim().toLowerCase(Locale.ROOT));
            }
        }
        return domain.isEmpty() ? null : domain.toString();
    }

    /** The configured NetBIOS name, or the first label of the base DN's domain, upper-cased. */
    public String effectiveNetbiosName() {
        if (netbiosName != null && !netbiosName.isBlank()) {
            return netbiosName.trim();
        }
        String domain = domainNameOf(ldap.baseDn());
        return domain == null ? null : domain.split("\\.")[0].toUpperCase(Locale.ROOT);
    }
}
