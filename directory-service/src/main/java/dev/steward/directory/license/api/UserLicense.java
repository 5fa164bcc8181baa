package dev.steward.directory.license.api;

import java.util.List;

/** One licence a user holds: the SKU and the service plans of it that are switched off (Graph's assignedLicense). */
public record UserLicense(String skuId, List<String> disabledPlans) {

    public UserLicense {
        disabledPlans = disabledPlans == null ? List.of() : List.copyOf(disabledPlans);
    }
}
