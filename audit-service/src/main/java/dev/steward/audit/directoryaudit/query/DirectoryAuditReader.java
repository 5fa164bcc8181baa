package dev.steward.audit.directoryaudit.query;

import dev.steward.platform.odata.SqlCondition;
import dev.steward.platform.web.KeysetPage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads audit entries by query, a page at a time, newest first unless asked otherwise. */
@Repository
public class DirectoryAuditReader {

    private final JdbcTemplate jdbc;

    public DirectoryAuditReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of entries.
     *
     * @param entries the entries' JSON, in order
     * @param next    where the next page starts; null on the last page
     * @param count   how many entries match the filter in all, when the query asked for it
     */
    public record Page(List<String> entries, SkipToken next, Long count) {
    }

    /**
     * The page's ids are found first, from the filtered columns, time and id alone (which the indexes on (column,
     * time, id) answer without reading the rows), and only those rows are then read whole. The next page starts after
     * the skip token's (time, id) as one row comparison, which PostgreSQL reads as a range of those indexes: a page
     * deep in the log costs what the first one does.
     */
    @Transactional(readOnly = true)
    public Page find(AuditQuery query) {
        SqlCondition filter = query.filter();
        StringBuilder sql = new StringBuilder("SELECT e.id, e.activity_date_time, e.entry_json FROM (SELECT a.id, "
                + "a.activity_date_time FROM directory_audit a WHERE ").append(filter.sql());
        List<Object> parameters = new ArrayList<>(filter.parameters());
        String direction = query.order() == SortOrder.DESC ? "DESC" : "ASC";
        if (query.skipToken() != null) {
            String after = query.order() == SortOrder.DESC ? "<" : ">";
            sql.append(" AND (a.activity_date_time, a.id) ").append(after).append(" (?, ?)");
            parameters.add(query.skipToken().activityDateTime().atOffset(ZoneOffset.UTC));
            parameters.add(query.skipToken().id());
        }
        String order = " ORDER BY %1$s.activity_date_time " + direction + ", %1$s.id " + direction;
        sql.append(order.formatted("a")).append(" LIMIT ?) page JOIN directory_audit e ON e.id = page.id")
                .append(order.formatted("page"));
        parameters.add(KeysetPage.fetchSize(query.top()));
        List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> new Row(rs.getString("id"),
                rs.getObject("activity_date_time", OffsetDateTime.class), rs.getString("entry_json")),
                parameters.toArray());
        KeysetPage<String, SkipToken> page = KeysetPage.of(rows, query.top(),
                last -> new SkipToken(query.order(), last.activityDateTime().toInstant(), last.id())).map(Row::json);
        Long count = null;
        if (query.count()) {
            count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_audit a WHERE " + filter.sql(), Long.class,
                    filter.parameters().toArray());
        }
        return new Page(page.rows(), page.next(), count);
    }

    @Transactional(readOnly = true)
    public Optional<String> findById(String id) {
        return jdbc.query("SELECT entry_json FROM directory_audit WHERE id = ?", (rs, n) -> rs.getString(1), id)
                .stream().findFirst();
    }

    private record Row(String id, OffsetDateTime activityDateTime, String json) {
    }
}
