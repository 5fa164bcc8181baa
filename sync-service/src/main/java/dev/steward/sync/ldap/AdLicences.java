package dev.steward.sync.ldap;

import dev.steward.contracts.event.AssignedLicense;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user's licences as AD holds them in the configured attribute ({@code steward.sync.licences.attribute}): the SKU
 * ids (canonical lower-case GUIDs) and the values that are not GUIDs, which are skipped (and recorded).
 *
 * @param skuIds  the SKU ids, sorted
 * @param invalid the values (after splitting) that are not GUIDs, in the order read, each once
 */
public record AdLicences(SortedSet<String> skuIds, List<String> invalid) {

    /** What separates several SKU ids in one value. */
    static final String SEPARATORS = "[\\s,;]+";

    public static final AdLicences NONE = new AdLicences(new TreeSet<>(), List.of());

    public AdLicences {
        skuIds = Collections.unmodifiableSortedSet(new TreeSet<>(skuIds));
        invalid = List.copyOf(invalid);
    }

    /** The attribute's values (null: the attribute is not set), each split on spaces, commas and semicolons. */
    public static AdLicences parse(String[] values) {
        if (values == null) {
            return NONE;
        }
        TreeSet<String> skuIds = new TreeSet<>();
        LinkedHashSet<String> invalid = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String token : value.trim().split(SEPARATORS)) {
                if (token.isEmpty()) {
                    continue;
                }
                try {
                    skuIds.add(AssignedLicense.guid("skuId", token.toLowerCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    invalid.add(token);
                }
            }
        }
        return new AdLicences(skuIds, new ArrayList<>(invalid));
    }
}
