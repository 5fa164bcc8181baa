package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/**
 * A user's licences changed ({@code POST /users/{id}/assignLicense}). Carries every licence the user holds after the
 * change, so a consumer replaces what it had, and which SKUs were added and removed. Bounded by construction: a user
 * holds at most {@link #MAX_LICENSES} licences of at most {@link AssignedLicense#MAX_DISABLED_PLANS} disabled plans
 * each (well under 200 KB).
 */
public record UserLicensesChanged(
        EventMetadata metadata,
        String userId,
        String userPrincipalName,
        List<AssignedLicense> assignedLicenses,
        List<String> addedSkuIds,
        List<String> removedSkuIds) implements IntegrationEvent {

    /** The most licences one user may hold. */
    public static final int MAX_LICENSES = 100;

    public UserLicensesChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(userId, "userId");
        assignedLicenses = assignedLicenses == null ? List.of() : List.copyOf(assignedLicenses);
        if (assignedLicenses.size() > MAX_LICENSES) {
            throw new IllegalArgumentException("assignedLicenses holds " + assignedLicenses.size()
                    + " licences; at most " + MAX_LICENSES);
        }
        addedSkuIds = addedSkuIds == null ? List.of() : List.copyOf(addedSkuIds);
        removedSkuIds = removedSkuIds == null ? List.of() : List.copyOf(removedSkuIds);
    }
}
