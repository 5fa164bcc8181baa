package dev.steward.sync.export;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdLicences;
import java.time.Instant;
import java.util.SortedMap;

/**
 * An AD object in scope as the cloud should hold it: the values that are exported (compared with the connector
 * space to find changes) and the command that exports them, and for a group its membership, exported separately as
 * differences.
 */
public sealed interface ObjectExport permits UserExport, GroupExport {

    String anchor();

    String cloudId();

    ObjectType objectType();

    String distinguishedName();

    String displayName();

    /** The exported values by Graph property name, membership excluded; equal values mean nothing to export. */
    SortedMap<String, Object> values();

    /** The members and owners AD holds; none for a user. */
    default Membership membership() {
        return Membership.NONE;
    }

    /** The licences AD holds; null when they are not synced (and always for a group). */
    default AdLicences licences() {
        return null;
    }

    ContractCommand command(CommandMetadata metadata, Instant syncedAt);

    default ExportedValues exportedValues() {
        return ExportedValues.of(values());
    }
}
