package dev.steward.selfservice.config;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.selfservice.licensing.*}: the licence My Groups needs (DOMAIN.md §4: without Entra ID P1 or P2 a
 * user cannot request to join a group nor make one require owner approval).
 *
 * @param enforced      whether the rule applies; {@code false} for a tenant that does not license self-service
 * @param premiumSkuIds the SKU ids that count as Entra ID P1 or P2: by default Microsoft's AAD_PREMIUM (P1) and
 *                      AAD_PREMIUM_P2 (P2); add the suites a tenant buys that include them
 */
@ConfigurationProperties("steward.selfservice.licensing")
public record LicensingProperties(
        @DefaultValue("true") boolean enforced,
        @DefaultValue({AAD_PREMIUM, AAD_PREMIUM_P2}) List<String> premiumSkuIds) {

    /** Microsoft Entra ID P1. */
    public static final String AAD_PREMIUM = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    /** Microsoft Entra ID P2. */
    public static final String AAD_PREMIUM_P2 = "84a661c4-e949-4bd2-a560-ed7766fcaf2b";

    public LicensingProperties {
        premiumSkuIds = premiumSkuIds.stream().map(id -> id.trim().toLowerCase(Locale.ROOT)).toList();
        if (enforced && premiumSkuIds.isEmpty()) {
            throw new IllegalArgumentException("steward.selfservice.licensing.premium-sku-ids must name at least one "
                    + "SKU while licensing is enforced");
        }
    }
}
