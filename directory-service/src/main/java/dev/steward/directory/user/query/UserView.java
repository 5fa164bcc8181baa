package dev.steward.directory.user.query;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.query.ExtensionAttributesConverter;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.license.api.UserLicense;
import dev.steward.directory.license.query.UserLicensesConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** A user as the HTTP API shows it; {@code aggregateVersion} makes the projection idempotent. */
@Entity
@Table(name = "user_view")
public class UserView {

    @Id
    private String id;
    private String userPrincipalName;
    private String displayName;
    private String mail;
    private Instant createdDateTime;
    private String onPremisesAnchor;
    private String onPremisesSecurityIdentifier;
    private String onPremisesSamAccountName;
    private String onPremisesDistinguishedName;
    private Instant onPremisesLastSyncDateTime;
    @Convert(converter = ExtensionAttributesConverter.class)
    private ExtensionAttributes onPremisesExtensionAttributes;
    private String mailNickname;
    private Boolean accountEnabled;
    @Convert(converter = UserLicensesConverter.class)
    private List<UserLicense> assignedLicenses = List.of();
    @Column(nullable = false)
    private long aggregateVersion;

    /** The row of a new user, as {@link #bindInsert} binds it (the JPA mapping's columns). */
    static final String INSERT = "INSERT INTO user_view (id, user_principal_name, display_name, mail, "
            + "created_date_time, on_premises_anchor, on_premises_security_identifier, on_premises_sam_account_name, "
            + "on_premises_distinguished_name, on_premises_last_sync_date_time, on_premises_extension_attributes, "
            + "mail_nickname, account_enabled, assigned_licenses, aggregate_version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    protected UserView() {
    }

    UserView(String id) {
        this.id = id;
    }

    void apply(UserState user, long version) {
        userPrincipalName = user.userPrincipalName();
        displayName = user.displayName();
        mail = user.mail();
        createdDateTime = user.createdDateTime();
        onPremisesAnchor = user.onPremisesAnchor();
        onPremisesSecurityIdentifier = user.onPremisesSecurityIdentifier();
        onPremisesSamAccountName = user.onPremisesSamAccountName();
        onPremisesDistinguishedName = user.onPremisesDistinguishedName();
        onPremisesLastSyncDateTime = user.onPremisesLastSyncDateTime();
        onPremisesExtensionAttributes = user.onPremisesExtensionAttributes();
        aggregateVersion = version;
    }

    void bindInsert(PreparedStatement statement) throws SQLException {
        statement.setString(1, id);
        statement.setString(2, userPrincipalName);
        statement.setString(3, displayName);
        statement.setString(4, mail);
        BatchedWrites.setInstant(statement, 5, createdDateTime);
        statement.setString(6, onPremisesAnchor);
        statement.setString(7, onPremisesSecurityIdentifier);
        statement.setString(8, onPremisesSamAccountName);
        statement.setString(9, onPremisesDistinguishedName);
        BatchedWrites.setInstant(statement, 10, onPremisesLastSyncDateTime);
        statement.setString(11, ExtensionAttributesConverter.toColumn(onPremisesExtensionAttributes));
        statement.setString(12, mailNickname);
        BatchedWrites.setBoolean(statement, 13, accountEnabled);
        statement.setString(14, UserLicensesConverter.toColumn(assignedLicenses));
        statement.setLong(15, aggregateVersion);
    }

    /** What a cloud user has beyond a synced one; both stay null for users synced from AD. */
    void applyCloud(String mailNickname, boolean accountEnabled) {
        this.mailNickname = mailNickname;
        this.accountEnabled = accountEnabled;
    }

    /** The user's licences after an {@code assignLicense}. */
    public void applyLicenses(List<UserLicense> licenses, long version) {
        assignedLicenses = List.copyOf(licenses);
        aggregateVersion = version;
    }

    public List<UserLicense> getAssignedLicenses() {
        return assignedLicenses == null ? List.of() : assignedLicenses;
    }

    /** Synced from AD (it has an anchor), as opposed to created in the cloud. */
    public boolean isSyncedFromOnPremises() {
        return onPremisesAnchor != null;
    }

    public String getMailNickname() {
        return mailNickname;
    }

    public Boolean getAccountEnabled() {
        return accountEnabled;
    }

    public String getId() {
        return id;
    }

    public String getUserPrincipalName() {
        return userPrincipalName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getMail() {
        return mail;
    }

    public Instant getCreatedDateTime() {
        return createdDateTime;
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

    public String getOnPremisesDistinguishedName() {
        return onPremisesDistinguishedName;
    }

    public Instant getOnPremisesLastSyncDateTime() {
        return onPremisesLastSyncDateTime;
    }

    public ExtensionAttributes getOnPremisesExtensionAttributes() {
        return ExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    public long getAggregateVersion() {
        return aggregateVersion;
    }
}
