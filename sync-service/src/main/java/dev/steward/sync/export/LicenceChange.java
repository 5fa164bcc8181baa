package dev.steward.sync.export;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.event.AssignedLicense;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The licences of a user to add and remove so that the cloud holds what AD holds, as far as the sync engine is
 * concerned: SKUs AD holds that were not exported are added; SKUs exported before (added by the sync engine and
 * confirmed by the directory) that AD no longer holds are removed. Licences an administrator assigned in the cloud
 * were never exported, so they are never removed.
 */
public record LicenceChange(List<String> added, List<String> removed) {

    public LicenceChange {
        added = added == null ? List.of() : List.copyOf(new TreeSet<>(added));
        removed = removed == null ? List.of() : List.copyOf(new TreeSet<>(removed));
    }

    /** The change from the SKUs {@code exported} (confirmed by the directory) to those AD holds. */
    public static LicenceChange between(Collection<String> exported, Collection<String> inAd) {
        TreeSet<String> added = new TreeSet<>(inAd);
        added.removeAll(exported);
        TreeSet<String> removed = new TreeSet<>(exported);
        removed.removeAll(inAd);
        return new LicenceChange(List.copyOf(added), List.copyOf(removed));
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /**
     * The directory's {@code AssignLicense} (no disabled plans: AD says which SKUs, not which plans).
     *
     * @throws IllegalArgumentException when the change is larger than a command may carry
     */
    public AssignLicense command(CommandMetadata metadata, String userId) {
        return new AssignLicense(metadata, userId,
                added.stream().map(sku -> new AssignedLicense(sku, List.of())).toList(), removed);
    }
}
