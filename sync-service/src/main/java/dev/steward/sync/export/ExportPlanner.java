package dev.steward.sync.export;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import dev.steward.contracts.DirectoryIds;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdGroup;
import dev.steward.sync.ldap.AdUser;
import dev.steward.sync.ldap.DirectoryRead;
import dev.steward.sync.ldap.RejectedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one full read of the directory into exports: cloud ids derived from objectGUIDs, {@code managedBy} and
 * {@code member} DNs resolved against the objects read in the same pass (references to objects out of scope are
 * left out), users before groups, and nested groups before the groups that contain them.
 */
public final class ExportPlanner {

    /** Graph refuses these in a mailNickname, and anything outside printable ASCII. */
    private static final String MAIL_NICKNAME_FORBIDDEN = "@()\\[]\";:.<>, ";

    private ExportPlanner() {
    }

    public static ExportPlan plan(DirectoryRead read, String baseDn, String netbiosName) {
        return plan(read, baseDn, netbiosName, List.of());
    }

    /**
     * A plan for the objects of a partial read (a Delta's changed objects): member and owner DNs that name none of
     * them are resolved against {@code known} objects, synced earlier; the objects read win over known ones.
     */
    public static ExportPlan plan(DirectoryRead read, String baseDn, String netbiosName, List<KnownObject> known) {
        DnKeys keys = new DnKeys();
        Map<String, String> userIdsByDn = new HashMap<>();
        Map<String, AdGroup> groupsByDn = new HashMap<>();
        Map<String, String> knownGroupIdsByDn = new HashMap<>();
        for (KnownObject object : known) {
            if (object.objectType() == ObjectType.USER) {
                userIdsByDn.put(keys.of(object.distinguishedName()), object.cloudId());
            } else {
                knownGroupIdsByDn.put(keys.of(object.distinguishedName()), object.cloudId());
            }
        }
        for (AdUser user : read.users()) {
            userIdsByDn.put(keys.of(user.distinguishedName()), DirectoryIds.fromAnchor(user.anchor()));
        }
        for (AdGroup group : read.groups()) {
            groupsByDn.put(keys.of(group.distinguishedName()), group);
            knownGroupIdsByDn.remove(keys.of(group.distinguishedName()));
            userIdsByDn.remove(keys.of(group.distinguishedName())); // a known user's old DN, now a group's
        }
        for (AdUser user : read.users()) {
            knownGroupIdsByDn.remove(keys.of(user.distinguishedName()));
        }

        List<ObjectExport> exports = new ArrayList<>();
        List<RejectedEntry> rejected = new ArrayList<>(read.rejected());
        for (AdUser user : read.users()) {
            exports.add(new UserExport(user.anchor(), DirectoryIds.fromAnchor(user.anchor()), user.userPrincipalName(),
                    firstText(user.displayName(), user.commonName(), user.userPrincipalName()), user.mail(),
                    user.securityIdentifier(), user.samAccountName(), user.distinguishedName(),
                    user.extensionAttributes(), user.licences()));
        }

        String defaultDomain = SyncProperties.domainNameOf(baseDn);
        for (AdGroup group : nestedFirst(read.groups(), groupsByDn, keys)) {
            String displayName = firstText(group.displayName(), group.commonName(), group.samAccountName());
            if (displayName == null) {
                rejected.add(new RejectedEntry(group.distinguishedName(), "the group has no displayName, cn or sAMAccountName"));
                continue;
            }
            TreeSet<String> owners = new TreeSet<>();
            if (group.managedBy() != null) {
                // Graph owners are users (or service principals): a group in managedBy gives no owner.
                String owner = userIdsByDn.get(keys.of(group.managedBy()));
                if (owner != null) {
                    owners.add(owner);
                }
            }
            TreeSet<String> members = new TreeSet<>();
            for (String memberDn : group.members()) {
                String key = keys.of(memberDn);
                String userId = userIdsByDn.get(key);
                AdGroup nested = groupsByDn.get(key);
                if (userId != null) {
                    members.add(userId);
                } else if (nested != null) {
                    members.add(DirectoryIds.fromAnchor(nested.anchor()));
                } else if (knownGroupIdsByDn.containsKey(key)) {
                    members.add(knownGroupIdsByDn.get(key));
                }
            }
            String domain = SyncProperties.domainNameOf(group.distinguishedName());
            exports.add(new GroupExport(group.anchor(), DirectoryIds.fromAnchor(group.anchor()), displayName,
                    group.description(), mailNickname(group), group.mail(), group.mailEnabled(),
                    group.groupType().securityEnabled(), group.securityIdentifier(), group.samAccountName(),
                    domain != null ? domain : defaultDomain, netbiosName, group.distinguishedName(),
                    group.extensionAttributes(), List.copyOf(owners), List.copyOf(members)));
        }
        return new ExportPlan(exports, rejected);
    }

    /** AD's mailNickname when set, else sAMAccountName or cn, stripped of what Graph refuses, at most 64 characters. */
    static String mailNickname(AdGroup group) {
        String source = firstText(group.mailNickname(), group.samAccountName(), group.commonName());
        if (source == null) {
            return null;
        }
        StringBuilder nickname = new StringBuilder();
        for (char c : source.toCharArray()) {
            if (c > 32 && c < 127 && MAIL_NICKNAME_FORBIDDEN.indexOf(c) < 0) {
                nickname.append(c);
            }
        }
        String result = nickname.length() > 64 ? nickname.substring(0, 64) : nickname.toString();
        return result.isEmpty() ? null : result;
    }

    /** Groups ordered so that a nested group comes before every group that contains it; cycles are cut anywhere. */
    private static List<AdGroup> nestedFirst(List<AdGroup> groups, Map<String, AdGroup> groupsByDn, DnKeys keys) {
        LinkedHashMap<String, AdGroup> ordered = new LinkedHashMap<>();
        Set<String> visiting = new HashSet<>();
        for (AdGroup group : groups) {
            visit(group, groupsByDn, ordered, visiting, keys);
        }
        return List.copyOf(ordered.values());
    }

    private static void visit(AdGroup group, Map<String, AdGroup> groupsByDn, LinkedHashMap<String, AdGroup> ordered,
                              Set<String> visiting, DnKeys keys) {
        if (ordered.containsKey(group.anchor()) || !visiting.add(group.anchor())) {
            return;
        }
        for (String memberDn : group.members()) {
            AdGroup nested = groupsByDn.get(keys.of(memberDn));
            if (nested != null) {
                visit(nested, groupsByDn, ordered, visiting, keys);
            }
        }
        visiting.remove(group.anchor());
        ordered.put(group.anchor(), group);
    }

    /**
     * Normalised DNs of one plan, each computed once: a member DN recurs in every group of the user (about ten times
     * in a typical estate), and parsing a DN costs more than the rest of planning it.
     */
    private static final class DnKeys {

        private final Map<String, String> normalized = new HashMap<>();

        String of(String dn) {
            return normalized.computeIfAbsent(dn, ExportPlanner::normalize);
        }
    }

    static String normalize(String dn) {
        try {
            return DN.normalize(dn);
        } catch (LDAPException e) {
            return dn.trim().toLowerCase(Locale.ROOT);
        }
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
