package dev.steward.directory.group.command;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.SettableProperties;
import dev.steward.directory.group.api.GroupProperties;
import dev.steward.platform.text.SafeText;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a cloud write may set on a group, and what a valid value is (Graph's rules for the group resource). */
final class GroupRules {

    static final int DISPLAY_NAME_MAX = 256;
    static final int DESCRIPTION_MAX = 1024;
    static final int MAIL_NICKNAME_MAX = 64;
    private static final String MAIL_NICKNAME_FORBIDDEN = "@()\\[]\";:.<>, ";
    private static final List<String> VISIBILITIES = List.of("Private", "Public", "HiddenMembership");

    private GroupRules() {
    }

    /** Refuses read-only properties first (Graph's own order), then anything this resource cannot set. */
    static void checkSettable(Set<String> properties, Set<String> settable) {
        SettableProperties.check(properties, GroupProperties.READ_ONLY, settable);
    }

    static String displayName(String value) {
        if (value == null || value.isBlank() || value.length() > DISPLAY_NAME_MAX || !SafeText.isSafe(value)) {
            throw invalid("displayName");
        }
        return value;
    }

    static String description(String value) {
        if (value != null && (value.length() > DESCRIPTION_MAX || !SafeText.isSafe(value, true))) {
            throw invalid("description");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** At most 64 printable ASCII characters, none of {@code @ () \ [ ] " ; : . < > ,} or space. */
    static String mailNickname(String value) {
        if (value == null || value.isEmpty() || value.length() > MAIL_NICKNAME_MAX) {
            throw invalid("mailNickname");
        }
        for (char c : value.toCharArray()) {
            if (c < 0x21 || c > 0x7E || MAIL_NICKNAME_FORBIDDEN.indexOf(c) >= 0) {
                throw invalid("mailNickname");
            }
        }
        return value;
    }

    /** {@code Private}, {@code Public} or {@code HiddenMembership} in any letter case; null means none. */
    static String visibility(String value) {
        if (value == null) {
            return null;
        }
        return VISIBILITIES.stream().filter(v -> v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> invalid("visibility"));
    }

    /** At most {@code max} ids in one request (Graph: 20 in an {@code @odata.bind} list). */
    static void checkReferenceCount(List<String> ids, int max) {
        if (ids.size() > max) {
            throw new DirectoryException(DirectoryErrorCode.TOO_MANY_REFERENCES, max);
        }
    }

    /** A cloud group is a security group or a Microsoft 365 group; dynamic membership is not supported. */
    static void checkCloudKind(List<String> groupTypes, boolean mailEnabled, boolean securityEnabled) {
        for (String type : groupTypes) {
            if (!"Unified".equals(type)) {
                throw invalid("groupTypes");
            }
        }
        boolean unified = groupTypes.contains("Unified");
        boolean security = !unified && !mailEnabled && securityEnabled;
        boolean microsoft365 = unified && mailEnabled;
        if (!security && !microsoft365) {
            throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_GROUP_KIND);
        }
    }

    private static DirectoryException invalid(String property) {
        return new DirectoryException(DirectoryErrorCode.INVALID_PROPERTY_VALUE, property);
    }
}
