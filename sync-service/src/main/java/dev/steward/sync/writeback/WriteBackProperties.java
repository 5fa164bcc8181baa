package dev.steward.sync.writeback;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.sync.writeback.*}: Group Provisioning to AD. Off unless {@code enabled}. The LDAP server and base DN
 * are the sync engine's ({@code steward.sync.ldap.*}); the bind may be another account, one that may write.
 *
 * @param enabled            consume the directory's events and write groups to AD
 * @param scope              which cloud groups: every eligible security group, or only {@link #selectedGroupIds}
 * @param selectedGroupIds   the cloud group ids written back when {@code scope} is {@code selected-groups}
 * @param displayNamePrefixes attribute filter: when not empty, only groups whose displayName starts with one of these
 *                           (case-insensitive) are written back
 * @param targetOu           where cloud-native groups are created (a DN)
 * @param groupScope         the AD scope of new groups: {@code universal} (Entra's only choice), {@code global} or
 *                           {@code domain-local}
 * @param anchorAttribute    the attribute holding {@code Group_<cloud id>} on a new group; {@code auto} uses
 *                           {@code msDS-ExternalDirectoryObjectId} when the directory's schema has it, else
 *                           {@code adminDescription}
 * @param bindDn             the account that writes; empty: {@code steward.sync.ldap.bind-dn}
 * @param password           its password; used only with {@code bindDn}
 * @param interval           a run at least this often; zero or negative: no timed runs
 * @param afterSyncCycle     also run as soon as a sync cycle has finished
 * @param pollInterval       how often the scheduler looks for a finished cycle
 * @param memberChunkSize    member values per LDAP modify
 */
@ConfigurationProperties("steward.sync.writeback")
public record WriteBackProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("all-security-groups") String scope,
        List<String> selectedGroupIds,
        List<String> displayNamePrefixes,
        String targetOu,
        @DefaultValue("universal") String groupScope,
        @DefaultValue("auto") String anchorAttribute,
        String bindDn,
        String password,
        @DefaultValue("PT20M") Duration interval,
        @DefaultValue("true") boolean afterSyncCycle,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5000") int memberChunkSize) {

    public static final String ALL_SECURITY_GROUPS = "all-security-groups";
    public static final String SELECTED_GROUPS = "selected-groups";
    public static final String AUTO = "auto";

    public WriteBackProperties {
        selectedGroupIds = selectedGroupIds == null ? List.of()
                : selectedGroupIds.stream().filter(id -> id != null && !id.isBlank()).map(String::trim).toList();
        displayNamePrefixes = displayNamePrefixes == null ? List.of()
                : displayNamePrefixes.stream().filter(p -> p != null && !p.isEmpty()).toList();
        scope = scope == null ? ALL_SECURITY_GROUPS : scope.trim().toLowerCase(Locale.ROOT);
        if (!scope.equals(ALL_SECURITY_GROUPS) && !scope.equals(SELECTED_GROUPS)) {
            throw new IllegalArgumentException("steward.sync.writeback.scope must be " + ALL_SECURITY_GROUPS + " or "
                    + SELECTED_GROUPS + ", not " + scope);
        }
        NewGroupScope.parse(groupScope);
        if (memberChunkSize < 1) {
            throw new IllegalArgumentException("steward.sync.writeback.member-chunk-size must be at least 1");
        }
    }

    public NewGroupScope newGroupScope() {
        return NewGroupScope.parse(groupScope);
    }

    public boolean selectedOnly() {
        return SELECTED_GROUPS.equals(scope);
    }
}
