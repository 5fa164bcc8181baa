package dev.steward.contracts.event;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One licence of a user, in Graph's {@code assignedLicense} shape: the SKU (a GUID, e.g. Entra ID P1
 * {@code 078d2b04-f1bd-4111-bbd4-b4b1b354cef4}) and the service plans of it that are switched off. Bounded: at most
 * {@link #MAX_DISABLED_PLANS} plans, so a user's licences stay a few kilobytes.
 */
public record AssignedLicense(String skuId, List<String> disabledPlans) {

    /** The most service plans one licence may switch off. */
    public static final int MAX_DISABLED_PLANS = 50;

    public AssignedLicense {
        skuId = guid("skuId", skuId);
        if (disabledPlans == null) {
            disabledPlans = List.of();
        }
        LinkedHashSet<String> plans = new LinkedHashSet<>();
        for (String plan : disabledPlans) {
            plans.add(guid("disabledPlans", plan));
        }
        if (plans.size() > MAX_DISABLED_PLANS) {
            throw new IllegalArgumentException("disabledPlans holds " + plans.size() + " plans; at most "
                    + MAX_DISABLED_PLANS);
        }
        disabledPlans = List.copyOf(plans);
    }

    /** A GUID in its lower-case canonical form; refuses anything else. */
    public static String guid(String name, String value) {
        Objects.requireNonNull(value, name + " must not be null");
        try {
            UUID parsed = UUID.fromString(value);
            String canonical = parsed.toString();
            if (!canonical.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(name + " must be a GUID: '" + value + "'");
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a GUID: '" + value + "'");
        }
    }
}
