package dev.steward.directory.user.query;

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
