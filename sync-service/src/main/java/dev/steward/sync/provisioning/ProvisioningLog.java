package dev.steward.sync.provisioning;

import dev.steward.platform.odata.SqlCondition;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.support.Sequenced;
import dev.steward.sync.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Stored provisioning log entries, newest first. */
@Repository
public class ProvisioningLog {

    private static final String COLUMNS = "seq, id, activity_at, cycle_id, log_action, status, event_code, reason, "
            + "identity_type, source_id, source_display_name, source_dn, target_id, target_display_name, modified_properties";

    private final JdbcClient jdbc;

    public ProvisioningLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(ProvisioningLogEntry entry) {
        insert(entry, "");
    }

    /** Adds the entry unless one with its id is there already; true if it was added. */
    public boolean addIfAbsent(ProvisioningLogEntry entry) {
        return insert(entry, " ON CONFLICT DO NOTHING") > 0;
    }

    private int insert(ProvisioningLogEntry entry, String onConflict) {
        return jdbc.sql("INSERT INTO provisioning_log (id, activity_at, cycle_id, log_action, status, event_code, reason, "
                        + "identity_type, source_id, source_display_name, source_dn, target_id, target_display_name, "
                        + "modified_properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflict)
                .params(entry.id(), SqlTime.of(entry.activityDateTime()), entry.cycleId(), entry.action(), entry.status(),
                        entry.eventCode(), entry.reason(), entry.identityType().wireName(), entry.sourceId(),
                        entry.sourceDisplayName(), entry.sourceDistinguishedName(), entry.targetId(),
                        entry.targetDisplayName(), ExportedValues.toJson(entry.modifiedProperties()))
                .update();
    }

    /** Entries matching the filter, newest first, older than sequence {@code beforeSeq} when given. */
    public List<Sequenced<ProvisioningLogEntry>> page(SqlCondition filter, Long beforeSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM provisioning_log WHERE ")
                .append(filter.sql());
        List<Object> params = new ArrayList<>(filter.parameters());
        condition(sql, params, "seq < ?", beforeSeq);
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Sequenced<>(rs.getLong("seq"), entry(rs))).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static ProvisioningLogEntry entry(ResultSet rs) throws SQLException {
        String modified = rs.getString("modified_properties");
        List<Map<String, String>> modifiedProperties = modified == null ? List.of()
                : ExportedValues.fromJson(modified, new TypeReference<List<Map<String, String>>>() { });
        return new ProvisioningLogEntry(
                rs.getString("id"),
                SqlTime.read(rs, "activity_at"),
                rs.getString("cycle_id"),
                rs.getString("log_action"),
                rs.getString("status"),
                rs.getInt("event_code"),
                rs.getString("reason"),
                ObjectType.fromWireName(rs.getString("identity_type")),
                rs.getString("source_id"),
                rs.getString("source_display_name"),
                rs.getString("source_dn"),
                rs.getString("target_id"),
                rs.getString("target_display_name"),
                modifiedProperties);
    }
}
