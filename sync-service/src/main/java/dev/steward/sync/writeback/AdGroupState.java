package dev.steward.sync.writeback;

import com.unboundid.ldap.sdk.DN;
import java.util.List;

/**
 * An AD group as write-back reads it before writing.
 *
 * @param members every {@code member} value, as AD returned it
 */
public record AdGroupState(
        DN dn,
        String objectGuid,
        String objectSid,
        String commonName,
        String displayName,
        String description,
        Integer groupType,
        List<String> members) {
}
