package dev.steward.directory.group.query;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.StringListConverter;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A group as the HTTP API shows it. {@code aggregateVersion} is the sequence number of the last event applied,
 * which makes the projection idempotent under replays and lets a request wait for its own write.
 */
@Entity
@Table(name = "group_view")
public class GroupView {

    @Id
    private String id;
    private String displayName;
    private String description;
    private String mailNickname;
    private String mail;
    private boolean mailEnabled;
    private boolean securityEnabled;
    @Convert(converter = StringListConverter.class)
    private List<String> groupTypes;
    private String visibility;
    private Instant createdDateTime;
    private Boolean onPremisesSyncEnabled;
    private boolean cloudManaged;
    private String onPremisesAnchor;
    private String onPremisesSecurityIdentifier;
    private String onPremisesSamAccountName;
    private String onPremisesDomainName;
    private String onPremisesNetBiosName;
    private String onPremisesDistinguishedName;
    private Instant onPremisesLastSyncDateTime;
    private String securityIdentifier;
    @Convert(converter = ExtensionAttributesConverter.class)
    private ExtensionAttributes onPremisesExtensionAttributes;
    @Column(nullable = false)
    private long aggregateVersion;

    /** The row of a new group, as {@link #bindInsert} binds it (the JPA mapping's columns). */
    static final String INSERT = "INSERT INTO group_view (id, display_name, description, mail_nickname, mail, "
            + "mail_enabled, security_enabled, group_types, visibility, created_date_time, on_premises_sync_enabled, "
            + "cloud_managed, on_premises_anchor, on_premises_security_identifier, on_premises_sam_account_name, "
            + "on_premises_domain_name, on_premises_net_bios_name, on_premises_distinguished_name, "
            + "on_premises_last_sync_date_time, security_identifier, on_premises_extension_attributes, "
            + "aggregate_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    protected GroupView() {
    }

    GroupView(String id) {
        this.id = id;
    }

    /** A view of a state that is not (or no longer) stored, e.g. a group as it was at a past instant. */
    public static GroupView detached(GroupState group, long version) {
        GroupView view = new GroupView(group.id());
        view.apply(group, version);
        return view;
    }

    void apply(GroupState group, long version) {
        displayName = group.displayName();
        description = group.description();
        mailNickname = group.mailNickname();
        mail = group.mail();
        mailEnabled = group.mailEnabled();
        securityEnabled = group.securityEnabled();
        groupTypes = group.groupTypes();
        visibility = group.visibility();
        createdDateTime = group.createdDateTime();
        onPremisesSyncEnabled = group.onPremisesSyncEnabled();
        cloudManaged = group.isCloudManaged();
        onPremisesAnchor = group.onPremisesAnchor();
        onPremisesSecurityIdentifier = group.onPremisesSecurityIdentifier();
        onPremisesSamAccountName = group.onPremisesSamAccountName();
        onPremisesDomainName = group.onPremisesDomainName();
        onPremisesNetBiosName = group.onPremisesNetBiosName();
        onPremisesDistinguishedName = group.onPremisesDistinguishedName();
        onPremisesLastSyncDateTime = group.onPremisesLastSyncDateTime();
        securityIdentifier = group.securityIdentifier();
        onPremisesExtensionAttributes = group.onPremisesExtensionAttributes();
        aggregateVersion = version;
    }

    void bindInsert(PreparedStatement statement) throws SQLException {
        statement.setString(1, id);
        statement.setString(2, displayName);
        statement.setString(3, description);
        statement.setString(4, mailNickname);
        statement.setString(5, mail);
        statement.setBoolean(6, mailEnabled);
        statement.setBoolean(7, securityEnabled);
        statement.setString(8, StringListConverter.toColumn(groupTypes));
        statement.setString(9, visibility);
        BatchedWrites.setInstant(statement, 10, createdDateTime);
        BatchedWrites.setBoolean(statement, 11, onPremisesSyncEnabled);
        statement.setBoolean(12, cloudManaged);
        statement.setString(13, onPremisesAnchor);
        statement.setString(14, onPremisesSecurityIdentifier);
        statement.setString(15, onPremisesSamAccountName);
        statement.setString(16, onPremisesDomainName);
        statement.setString(17, onPremisesNetBiosName);
        statement.setString(18, onPremisesDistinguishedName);
        BatchedWrites.setInstant(statement, 19, onPremisesLastSyncDateTime);
        statement.setString(20, securityIdentifier);
        statement.setString(21, ExtensionAttributesConverter.toColumn(onPremisesExtensionAttributes));
        statement.setLong(22, aggregateVersion);
    }

    /** Moving the SOA to the cloud removes the extension attributes; a rollback leaves them as they are (none). */
    void applySourceOfAuthority(boolean isCloudManaged, Boolean syncEnabled, long version) {
        cloudManaged = isCloudManaged;
        onPremisesSyncEnabled = syncEnabled;
        if (isCloudManaged) {
            onPremisesExtensionAttributes = ExtensionAttributes.NONE;
        }
        aggregateVersion = version;
    }

    public String getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDescription() {
        return description;
    }

    public String getMailNickname() {
        return mailNickname;
    }

    public String getMail() {
        return mail;
    }

    public boolean isMailEnabled() {
        return mailEnabled;
    }

    public boolean isSecurityEnabled() {
        return securityEnabled;
    }

    public List<String> getGroupTypes() {
        return groupTypes == null ? List.of() : groupTypes;
    }

    public String getVisibility() {
        return visibility;
    }

    public Instant getCreatedDateTime() {
        return createdDateTime;
    }

    public Boolean getOnPremisesSyncEnabled() {
        return onPremisesSyncEnabled;
    }

    public boolean isCloudManaged() {
        return cloudManaged;
    }

    public String getOnPremisesAnchor() {
        return onPremisesAnchor;
    }

    public String getOnPremisesSecurityIdentifier() {
        return onPremisesSecurityIdentifier;
    }

    public String getOnPremisesSamAccountName() {
        return onPremisesSamAccountName;
    }

    public String getOnPremisesDomainName() {
        return onPremisesDomainName;
    }

    public String getOnPremisesNetBiosName() {
        return onPremisesNetBiosName;
    }

    public String getOnPremisesDistinguishedName() {
        return onPremisesDistinguishedName;
    }

    public Instant getOnPremisesLastSyncDateTime() {
        return onPremisesLastSyncDateTime;
    }

    public String getSecurityIdentifier() {
        return securityIdentifier;
    }

    /** Never null: none set when the group has none. */
    public ExtensionAttributes getOnPremisesExtensionAttributes() {
        return ExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    public long getAggregateVersion() {
        return aggregateVersion;
    }
}
