package dev.steward.directory.user.command;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.SettableProperties;
import dev.steward.platform.text.SafeText;
import java.util.Set;
import java.util.regex.Pattern;

/** What a cloud write may set on a user, and what a valid value is (Graph's rules for the user resource). */
final class UserRules {

    /** What {@code PATCH /users/{id}} may set on a cloud user. */
    static final Set<String> UPDATABLE = Set.of("accountEnabled", "displayName", "mail", "mailNickname",
            "userPrincipalName");
    static final Set<String> READ_ONLY = Set.of("id", "createdDateTime", "onPremisesDistinguishedName",
            "onPremisesImmutableId", "onPremisesLastSyncDateTime", "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier", "onPremisesSyncEnabled");

    private static final int DISPLAY_NAME_MAX = 256;
    private static final int MAIL_NICKNAME_MAX = 64;
    /** Entra's limit: 113 characters (64 for the alias, 48 for the domain). */
    private static final int PRINCIPAL_NAME_MAX = 113;
    private static final String MAIL_NICKNAME_FORBIDDEN = "@()\\[]\";:<>, ";
    /** {@code alias@domain}: the alias of letters, digits and {@code ' . - _ ! # ^ ~}, a dotted DNS domain. */
    private static final Pattern PRINCIPAL_NAME = Pattern.compile(
            "[A-Za-z0-9'_!#^~-]([A-Za-z0-9'._!#^~-]{0,62}[A-Za-z0-9'_!#^~-])?"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private UserRules() {
    }

    static void checkSettable(Set<String> properties) {
        SettableProperties.check(properties, READ_ONLY, UPDATABLE);
    }

    static String displayName(String value) {
        if (value == null || value.isBlank() || value.length() > DISPLAY_NAME_MAX || !SafeText.isSafe(value)) {
            throw invalid("displayName");
        }
        return value;
    }

    /** 1-64 printable ASCII characters, none of {@code @ () \ [ ] " ; : < > ,} or space. */
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

    static String userPrincipalName(String value) {
        // bounded first: the pattern's repeated domain labels recurse once per label and overflow the stack on
        // tens of thousands of them
        if (value == null || value.length() > PRINCIPAL_NAME_MAX || !PRINCIPAL_NAME.matcher(value).matches()) {
            throw invalid("userPrincipalName");
        }
        return value;
    }

    /** An address, or null for none. */
    static String mail(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!MAIL.matcher(value).matches() || !SafeText.isSafe(value)) {
            throw invalid("mail");
        }
        return value;
    }

    static void checkPrincipalNameFree(DirectoryUsers users, String userPrincipalName, String userId) {
        if (users.principalNameTaken(userPrincipalName, userId)) {
            throw new DirectoryException(DirectoryErrorCode.PROPERTY_VALUE_EXISTS, "userPrincipalName");
        }
    }

    private static DirectoryException invalid(String property) {
        return new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, property, "User");
    }
}
