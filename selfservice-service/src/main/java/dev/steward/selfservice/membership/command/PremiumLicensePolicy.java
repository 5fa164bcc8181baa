package dev.steward.selfservice.membership.command;

import dev.steward.selfservice.config.LicensingProperties;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The licence rule of My Groups (DOMAIN.md §4): a user who holds no Entra ID P1 or P2 licence (an SKU of
 * {@code steward.selfservice.licensing.premium-sku-ids}, as the directory's {@code UserLicensesChanged} events last
 * said) cannot request to join a group, and cannot make a group require owner approval. A user the directory never
 * announced licences of holds none. Off when {@code steward.selfservice.licensing.enforced} is false.
 */
@Component
public class PremiumLicensePolicy {

    private final LicensingProperties licensing;

    public PremiumLicensePolicy(LicensingProperties licensing) {
        this.licensing = licensing;
    }

    /**
     * @param heldSkuIds the SKU ids of the licences the requester holds ({@code UserDirectory.assignedSkuIds})
     * @throws MembershipRequestRefused when {@code requesterId} may not request to join a group
     */
    public void checkMayRequestToJoin(String requesterId, List<String> heldSkuIds) {
        if (!holdsPremium(heldSkuIds)) {
            throw new MembershipRequestRefused(RefusalReason.LICENSE_REQUIRED, "User '" + requesterId
                    + "' needs a Microsoft Entra ID P1 or P2 license to request to join a group.");
        }
    }

    /** @throws MembershipRequestRefused when {@code userId} may not make a group require owner approval */
    public void checkMayRequireApproval(String userId, List<String> heldSkuIds) {
        if (!holdsPremium(heldSkuIds)) {
            throw new MembershipRequestRefused(RefusalReason.LICENSE_REQUIRED, "User '" + userId
                    + "' needs a Microsoft Entra ID P1 or P2 license to make a group require owner approval.");
        }
    }

    /** Whether the rule applies at all: when it does not, nobody's licences need to be read. */
    public boolean enforced() {
        return licensing.enforced();
    }

    /** Whether licences of these SKUs satisfy the rule (always, when it is not enforced). */
    public boolean holdsPremium(List<String> heldSkuIds) {
        return !licensing.enforced() || heldSkuIds.stream().anyMatch(licensing.premiumSkuIds()::contains);
    }
}
