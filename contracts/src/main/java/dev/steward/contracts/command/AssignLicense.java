package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.UserLicensesChanged;
import java.util.List;
import java.util.Objects;

/**
 * Add and remove licences of a user, as {@code POST /users/{id}/assignLicense} does: {@code addLicenses} are
 * assigned (an SKU the user holds gets the new {@code disabledPlans}), {@code removeLicenses} are SKU ids taken away.
 * At most {@link UserLicensesChanged#MAX_LICENSES} of each; an SKU may not be both added and removed.
 */
public record AssignLicense(CommandMetadata metadata, String userId, List<AssignedLicense> addLicenses,
                            List<String> removeLicenses) implements ContractCommand {

    public AssignLicense {
        Objects.requireNonNull(metadata, "metadata");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        addLicenses = addLicenses == null ? List.of() : List.copyOf(addLicenses);
        removeLicenses = removeLicenses == null ? List.of()
                : removeLicenses.stream().map(sku -> AssignedLicense.guid("removeLicenses", sku)).distinct().toList();
        if (addLicenses.size() > UserLicensesChanged.MAX_LICENSES
                || removeLicenses.size() > UserLicensesChanged.MAX_LICENSES) {
            throw new IllegalArgumentException("at most " + UserLicensesChanged.MAX_LICENSES
                    + " licences may be added or removed at once");
        }
    }

    @Override
    public String key() {
        return userId;
    }
}
