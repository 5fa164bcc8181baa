package dev.steward.audit.directoryaudit.export;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.query.AuditQuery;
import dev.steward.audit.directoryaudit.query.SortOrder;
import dev.steward.platform.odata.SqlCondition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Streams every entry a {@code $filter} matches, in {@code activityDateTime} order, as JSON Lines or CSV. Memory stays
 * constant whatever the number of entries: the rows come from a database cursor ({@code steward.audit.export
 * .fetch-size} rows per round trip, in a read-only transaction, which PostgreSQL's driver needs to use a cursor) and
 * each is written out before the next is read.
 */
@Component
public class AuditExporter {

    static final List<String> CSV_COLUMNS = List.of("id", "activityDateTime", "activityDisplayName", "category",
            "result", "resultReason", "loggedByService", "operationType", "correlationId", "initiatedByUserId",
            "initiatedByUserPrincipalName", "initiatedByAppId", "targetIds", "targetDisplayNames", "targetResources",
            "additionalDetails");

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    public AuditExporter(DataSource dataSource, PlatformTransactionManager transactions,
                         @Value("${steward.audit.export.fetch-size:1000}") int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("steward.audit.export.fetch-size must be at least 1");
        }
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(fetchSize);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Writes the entries matching {@code filter} to {@code out} (flushed, not closed).
     *
     * @return how many entries were written
     */
    public long export(SqlCondition filter, SortOrder order, ExportFormat format, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        String direction = order == SortOrder.DESC ? "DESC" : "ASC";
        String sql = "SELECT a.entry_json FROM directory_audit a WHERE " + filter.sql()
                + " ORDER BY a.activity_date_time " + direction + ", a.id " + direction;
        long[] written = {0};
        try {
            if (format == ExportFormat.CSV) {
                writeCsvRow(writer, CSV_COLUMNS);
            }
            readOnly.executeWithoutResult(status -> cursor.query(sql, rs -> {
                String json = rs.getString(1);
                try {
                    if (format == ExportFormat.CSV) {
                        writeCsvRow(writer, csvValues(AuditJson.tree(json)));
                    } else {
                        writer.write(json);
                        writer.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0]++;
            }, filter.parameters().toArray()));
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    static List<String> csvValues(JsonNode entry) {
        JsonNode initiatedBy = entry.path("initiatedBy");
        JsonNode targets = entry.path("targetResources");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode target : targets) {
            ids.add(text(target.get("id")));
            names.add(text(target.get("displayName")));
        }
        return List.of(text(entry.get("id")), text(entry.get("activityDateTime")),
                text(entry.get("activityDisplayName")), text(entry.get("category")), text(entry.get("result")),
                text(entry.get("resultReason")), text(entry.get("loggedByService")), text(entry.get("operationType")),
                text(entry.get("correlationId")), text(initiatedBy.path("user").get("id")),
                text(initiatedBy.path("user").get("userPrincipalName")), text(initiatedBy.path("app").get("appId")),
                String.join("; ", ids), String.join("; ", names), targets.isMissingNode() ? "" : targets.toString(),
                entry.path("additionalDetails").isMissingNode() ? "" : entry.get("additionalDetails").toString());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "" : node.isString() ? node.asString()
                : node.toString();
    }

    /**
     * One RFC 4180 row: a field with a comma, quote or line break is quoted, quotes doubled. A field that a
     * spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with
     * {@code '}, as OWASP advises against CSV injection.
     */
    static void writeCsvRow(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String csvField(String value) {
        String field = value;
        if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
