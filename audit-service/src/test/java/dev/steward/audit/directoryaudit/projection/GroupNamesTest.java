package dev.steward.audit.directoryaudit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The group names a batch reads: once for every group its messages name, whether the group has a row or not. */
class GroupNamesTest {

    private final AtomicInteger reads = new AtomicInteger();
    private JdbcTemplate jdbc;

    @BeforeEach
    void table() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1")) {
            @Override
            public void query(String sql, RowCallbackHandler rch, Object... args) throws DataAccessException {
                reads.incrementAndGet();
                super.query(sql, rch, args);
            }
        };
        jdbc.execute("CREATE TABLE audit_group (group_id VARCHAR(100) PRIMARY KEY, display_name VARCHAR, "
                + "group_type VARCHAR(20), state_version TIMESTAMP WITH TIME ZONE NOT NULL)");
        jdbc.update("INSERT INTO audit_group VALUES ('g-1', 'Engineering', 'azureAD', TIMESTAMP WITH TIME ZONE "
                + "'2026-01-01 00:00:00+00')");
    }

    @Test
    void aBatchReadsTheGroupsItNamesInOneQueryAndKnowsWhichHaveNoRow() {
        BatchGroupNames batch = new GroupNames(jdbc).batch(List.of("g-1", "g-2"));
        assertThat(reads).hasValue(1);

        assertThat(batch.find("g-1")).map(AuditedGroup::displayName).contains("Engineering");
        assertThat(batch.find("g-2")).isEmpty();
        assertThat(batch.find("g-2")).isEmpty();
        assertThat(reads).as("a group read up front without a row is not read again").hasValue(1);

        assertThat(batch.find("g-3")).isEmpty();
        assertThat(reads).as("a group the batch did not name is read when first asked for").hasValue(2);
        assertThat(batch.find("g-3")).isEmpty();
        assertThat(reads).hasValue(2);
    }
}
