package dev.steward.sync.web;

import dev.steward.contracts.Initiator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small pieces shared by the JSON views. */
public final class Views {

    private Views() {
    }

    /** Graph's {@code initiatedBy}: {@code {"user": {...} | null, "app": {...} | null}}. */
    public static Map<String, Object> initiatedBy(Initiator initiator) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> user = null;
        Map<String, Object> app = null;
        if (initiator != null && initiator.userId() != null) {
            user = new LinkedHashMap<>();
            user.put("id", initiator.userId());
            user.put("displayName", initiator.displayName());
            user.put("userPrincipalName", initiator.userPrincipalName());
        }
        if (initiator != null && initiator.appId() != null) {
            app = new LinkedHashMap<>();
            app.put("appId", initiator.appId());
            app.put("displayName", initiator.appDisplayName());
        }
        body.put("user", user);
        body.put("app", app);
        return body;
    }
}
