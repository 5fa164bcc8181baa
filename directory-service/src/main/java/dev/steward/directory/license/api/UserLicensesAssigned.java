package dev.steward.directory.license.api;

import java.util.List;

/**
 * A user's licences changed: every licence held after the change, and the SKUs added and removed. Bounded: a user
 * holds at most {@code UserLicensesChanged.MAX_LICENSES} licences.
 */
public record UserLicensesAssigned(String userId, String userPrincipalName, List<UserLicense> assignedLicenses,
                                   List<String> addedSkuIds, List<String> removedSkuIds) {

    public UserLicensesAssigned {
        assignedLicenses = List.copyOf(assignedLicenses);
        addedSkuIds = List.copyOf(addedSkuIds);
        removedSkuIds = List.copyOf(removedSkuIds);
    }
}
