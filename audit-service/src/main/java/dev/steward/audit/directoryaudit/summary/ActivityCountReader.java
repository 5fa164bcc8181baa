package dev.steward.audit.directoryaudit.summary;

import dev.steward.audit.directoryaudit.query.QueryErrors;
import dev.steward.platform.odata.SqlCondition;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts entries per activity per UTC hour, in SQL ({@code GROUP BY} over the hour the entry's time falls in), for
 * the entries a {@code $filter} matches. A summary of more than {@value #MAX_ROWS} rows is refused: narrow the time
 * range.
 */
@Repository
public class ActivityCountReader {

    public static final int MAX_ROWS = 10_000;

    private final JdbcTemplate jdbc;

    public ActivityCountReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ActivityCount> countPerActivityPerHour(SqlCondition filter) {
        List<Object> parameters = new ArrayList<>(filter.parameters());
        parameters.add(MAX_ROWS + 1);
        List<ActivityCount> counts = jdbc.query("""
                SELECT s.activity_display_name, s.period_start, COUNT(*) AS entries
                FROM (SELECT a.activity_display_name,
                             DATE_TRUNC('hour', a.activity_date_time AT TIME ZONE 'UTC') AS period_start
                      FROM directory_audit a WHERE %s) s
                GROUP BY s.activity_display_name, s.period_start
                ORDER BY s.period_start, s.activity_display_name
                LIMIT ?""".formatted(filter.sql()),
                (rs, row) -> new ActivityCount(rs.getString(1),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong(3)),
                parameters.toArray());
        if (counts.size() > MAX_ROWS) {
            throw QueryErrors.unsupported("The summary has more than " + MAX_ROWS + " activity hours; narrow the "
                    + "$filter, e.g. with activityDateTime ge and le.");
        }
        return counts;
    }
}
