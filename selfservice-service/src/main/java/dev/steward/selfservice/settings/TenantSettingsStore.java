package dev.steward.selfservice.settings;

import dev.steward.selfservice.directory.Timestamps;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The one row of {@code tenant_settings}. */
@Repository
public class TenantSettingsStore {

    private static final String SELECT = "SELECT owners_can_manage_requests, restrict_groups_access, "
            + "restrict_security_groups FROM tenant_settings WHERE id = 1";

    private static final String REQUEST_ATTRIBUTE = TenantSettingsStore.class.getName() + ".current";

    private final JdbcTemplate jdbc;

    public TenantSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The settings now: read on every call, so a change is effective at once on every instance. Within one HTTP
     * request they are read once (its access check and its rules see the same settings); Kafka commands and jobs,
     * which have no HTTP request, read them on every call.
     */
    public TenantSettings current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read();
        }
        Object seen = request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (seen instanceof TenantSettings settings) {
            return settings;
        }
        TenantSettings settings = read();
        request.setAttribute(REQUEST_ATTRIBUTE, settings, RequestAttributes.SCOPE_REQUEST);
        return settings;
    }

    private TenantSettings read() {
        return jdbc.queryForObject(SELECT, (rs, row) -> new TenantSettings(rs.getBoolean(1), rs.getBoolean(2),
                rs.getBoolean(3)));
    }

    /** The settings with the row locked until the transaction ends: changes are serialised. */
    TenantSettings lock() {
        return jdbc.queryForObject(SELECT + " FOR UPDATE", (rs, row) -> new TenantSettings(rs.getBoolean(1),
                rs.getBoolean(2), rs.getBoolean(3)));
    }

    void save(TenantSettings settings, String updatedBy, Instant at) {
        jdbc.update("UPDATE tenant_settings SET owners_can_manage_requests = ?, restrict_groups_access = ?, "
                        + "restrict_security_groups = ?, updated_by = ?, updated_at = ? WHERE id = 1",
                settings.ownersCanManageRequests(), settings.restrictGroupsAccess(), settings.restrictSecurityGroups(),
                updatedBy, Timestamps.toColumn(at));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, settings, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
