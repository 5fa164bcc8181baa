package dev.steward.sync.writeback;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to do to a group's {@code member} in AD. Values are compared as normalized DNs (case, spacing and escaping
 * do not matter).
 * <ul>
 *   <li>wanted: the DNs of the cloud's members that are AD-backed users or written-back groups;</li>
 *   <li>kept: the DNs of AD-mastered groups the cloud lists: never written, but left in AD where they are;</li>
 *   <li>add = wanted - AD; remove = AD - wanted - kept;</li>
 *   <li>drift (only once a baseline exists, i.e. after a first write): what AD changed since write-back's last write
 *   and this write would undo: values added in AD that would be removed, and values removed in AD that would be
 *   added again. Changes that agree with the cloud (or touch only kept groups) are not drift.</li>
 * </ul>
 *
 * @param toAdd   DNs to add, as the connector space / write-back knows them
 * @param toRemove values to remove, as AD returned them
 * @param after   AD's member values (normalized) once the plan is applied: the next baseline
 */
public record MemberPlan(List<String> toAdd, List<String> toRemove, Set<String> addedInAd, Set<String> removedInAd,
                         Set<String> after, int skipped) {

    public static MemberPlan of(Collection<String> adValues, Set<String> baseline, Collection<CloudMember> cloud) {
        Map<String, String> ad = normalizedToRaw(adValues);
        Map<String, String> wanted = new LinkedHashMap<>();
        Set<String> kept = new LinkedHashSet<>();
        int skipped = 0;
        for (CloudMember member : cloud) {
            switch (member.disposition()) {
                case WRITTEN:
                    wanted.putIfAbsent(normalize(member.adDn()), member.adDn());
                    break;
                case AD_MASTERED:
                    kept.add(normalize(member.adDn()));
                    break;
                default:
                    skipped++;
            }
        }
        List<String> toAdd = new ArrayList<>();
        wanted.forEach((normalized, raw) -> {
            if (!ad.containsKey(normalized)) {
                toAdd.add(raw);
            }
        });
        List<String> toRemove = new ArrayList<>();
        Set<String> after = new LinkedHashSet<>();
        ad.forEach((normalized, raw) -> {
            if (wanted.containsKey(normalized) || kept.contains(normalized)) {
                after.add(normalized);
            } else {
                toRemove.add(raw);
            }
        });
        after.addAll(wanted.keySet());
        Set<String> addedInAd = new LinkedHashSet<>();
        Set<String> removedInAd = new LinkedHashSet<>();
        if (baseline != null) {
            for (String normalized : ad.keySet()) {
                if (!baseline.contains(normalized) && !wanted.containsKey(normalized) && !kept.contains(normalized)) {
                    addedInAd.add(ad.get(normalized));
                }
            }
            for (String normalized : baseline) {
                if (!ad.containsKey(normalized) && wanted.containsKey(normalized)) {
                    removedInAd.add(wanted.get(normalized));
                }
            }
        }
        return new MemberPlan(toAdd, toRemove, addedInAd, removedInAd, after, skipped);
    }

    public boolean drifted() {
        return !addedInAd.isEmpty() || !removedInAd.isEmpty();
    }

    /** The normalized form of a DN; a value that is not a DN is kept as it is, lower-cased. */
    public static String normalize(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static Map<String, String> normalizedToRaw(Collection<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : values) {
            map.putIfAbsent(normalize(value), value);
        }
        return map;
    }
}
