package dev.steward.sync.ldap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * More of {@code steward.sync.ldap.*}, read by the connector only: transport security, change tracking and ranged
 * retrieval. (Connection, bind and base are {@link dev.steward.sync.config.SyncProperties.Ldap}.)
 *
 * @param startTls               upgrade an {@code ldap://} connection with StartTLS before binding
 * @param trustedCertificates    PEM file(s) of the certificates (or CAs) trusted for LDAPS / StartTLS, comma-separated;
 *                               empty: the JVM's trust store
 * @param verifyHostName         the server's certificate must name the host of the URL
 * @param changeTracking         how Delta cycles find changes
 * @param memberRangeSize        {@code member} values asked for per request when a group's membership is read in ranges
 * @param dirSyncMaxBytes        the DirSync control's maxBytes (the server's limit applies when smaller)
 * @param dirSyncObjectSecurity  DirSync flag LDAP_DIRSYNC_OBJECT_SECURITY: lets an account without the "Replicating
 *                               Directory Changes" right use DirSync (it sees only what it may read)
 */
@ConfigurationProperties("steward.sync.ldap")
public record LdapConnectorProperties(
        @DefaultValue("false") boolean startTls,
        String trustedCertificates,
        @DefaultValue("true") boolean verifyHostName,
        @DefaultValue("auto") ChangeTracking changeTracking,
        @DefaultValue("1500") int memberRangeSize,
        @DefaultValue("1048576") int dirSyncMaxBytes,
        @DefaultValue("false") boolean dirSyncObjectSecurity) {

    public static final LdapConnectorProperties DEFAULTS =
            new LdapConnectorProperties(false, null, true, ChangeTracking.AUTO, 1500, 1048576, false);

    public LdapConnectorProperties {
        changeTracking = changeTracking == null ? ChangeTracking.AUTO : changeTracking;
    }

    /** {@code steward.sync.ldap.change-tracking}. */
    public enum ChangeTracking {
        /** DirSync when the server offers it, else uSNChanged when its root DSE has highestCommittedUSN, else none. */
        AUTO,
        /** The DirSync control; a server without it fails the Delta cycle. */
        DIRSYNC,
        /** {@code uSNChanged} above the last {@code highestCommittedUSN}; deletions need the show-deleted control. */
        USN,
        /** Every Delta reads everything in scope and compares it with the connector space. */
        NONE
    }
}
