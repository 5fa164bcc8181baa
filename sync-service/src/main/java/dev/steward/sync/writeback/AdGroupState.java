package dev.steward.sync.writeback;

import java.util.List;

/**
 * An AD group as write-back reads it before writing.
 *
 * @param dn      its DN as AD wrote it (passed back to AD as it is)
 * @param members every {@code member} value, as AD returned it
 */
public record AdGroupState(
        String dn,
        String objectGuid,
        String objectSid,
        String commonName,
        String displayName,
        String description,
        Integer groupType,
        List<String> members) {
}
