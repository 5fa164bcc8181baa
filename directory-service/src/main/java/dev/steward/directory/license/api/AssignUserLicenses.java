package dev.steward.directory.license.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add and remove licences of a user ({@code POST /users/{id}/assignLicense}, {@code directory.AssignLicense}).
 * SKU ids are canonical lower-case GUIDs (checked at the edge).
 */
public record AssignUserLicenses(@TargetAggregateIdentifier String userId, List<UserLicense> addLicenses,
                                 List<String> removeLicenses) {

    public AssignUserLicenses {
        addLicenses = List.copyOf(addLicenses);
        removeLicenses = List.copyOf(removeLicenses);
    }
}
