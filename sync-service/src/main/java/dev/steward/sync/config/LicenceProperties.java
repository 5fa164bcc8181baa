package dev.steward.sync.config;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code steward.sync.licences.*}: where AD keeps users' licences, if it does.
 *
 * @param attribute the user attribute holding licence SKU ids (GUIDs), e.g. {@code carLicense} or
 *                  {@code msDS-cloudExtensionAttribute1}; single- or multi-valued, a value may hold several ids
 *                  separated by spaces, commas or semicolons. Empty (the default): licences are not synced.
 */
@ConfigurationProperties("steward.sync.licences")
public record LicenceProperties(String attribute) {

    /** Licences not synced. */
    public static final LicenceProperties OFF = new LicenceProperties(null);

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    public LicenceProperties {
        attribute = attribute == null || attribute.isBlank() ? null : attribute.trim();
        if (attribute != null && !ATTRIBUTE_NAME.matcher(attribute).matches()) {
            throw new IllegalArgumentException("steward.sync.licences.attribute '" + attribute
                    + "' is not an LDAP attribute name");
        }
    }

    public boolean enabled() {
        return attribute != null;
    }
}
