package dev.steward.directory.license.command;

import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.license.api.AssignUserLicenses;
import dev.steward.directory.license.api.UserLicense;
import dev.steward.directory.license.api.UserLicensesAssigned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of {@code assignLicense}, as Graph applies them: an SKU may not be added and removed at once; removing an
 * SKU the user does not hold is refused ("User does not have a corresponding license."); adding an SKU the user holds
 * replaces its disabled plans; a user holds at most {@link UserLicensesChanged#MAX_LICENSES} licences. A request that
 * changes nothing gives no event.
 */
public final class LicenseAssignment {

    private LicenseAssignment() {
    }

    /** The event {@code command} gives for a user holding {@code current}; empty when nothing changes. */
    public static Optional<UserLicensesAssigned> apply(List<UserLicense> current, String userPrincipalName,
                                                       AssignUserLicenses command) {
        Map<String, UserLicense> held = new LinkedHashMap<>();
        current.forEach(license -> held.put(license.skuId(), license));
        for (UserLicense added : command.addLicenses()) {
            if (command.removeLicenses().contains(added.skuId())) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                        "License '" + added.skuId() + "' cannot be both added and removed.");
            }
        }
        List<String> removed = new ArrayList<>();
        for (String skuId : command.removeLicenses()) {
            if (held.remove(skuId) == null) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                        "User does not have a corresponding license.");
            }
            removed.add(skuId);
        }
        List<String> added = new ArrayList<>();
        for (UserLicense license : command.addLicenses()) {
            UserLicense before = held.put(license.skuId(), license);
            if (before == null) {
                added.add(license.skuId());
            }
        }
        if (held.size() > UserLicensesChanged.MAX_LICENSES) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                    "A user can hold at most " + UserLicensesChanged.MAX_LICENSES + " licenses.");
        }
        List<UserLicense> next = List.copyOf(held.values());
        if (next.equals(current)) {
            return Optional.empty();
        }
        return Optional.of(new UserLicensesAssigned(command.userId(), userPrincipalName, next, added, removed));
    }
}
