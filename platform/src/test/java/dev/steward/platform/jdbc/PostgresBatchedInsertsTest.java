package dev.steward.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresBatchedInsertsTest {

    private final PostgresBatchedInserts postProcessor = new PostgresBatchedInserts();

    @Test
    void postgresqlPoolsSendBatchedInsertsAsMultiRowInserts() throws Exception {
        TestDatabase database = TestDatabase.freshSchemaIn("steward_directory");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername("postgres");
            postProcessor.postProcessBeforeInitialization(dataSource, "dataSource");
            assertThat(dataSource.getDataSourceProperties()).containsEntry(PostgresBatchedInserts.PROPERTY, "true");
            try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE SCHEMA " + database.schema());
                ddl.execute("CREATE TABLE batched (id INT PRIMARY KEY)");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched (id) VALUES (?)")) {
                    for (int i = 0; i < 300; i++) {
                        insert.setInt(1, i);
                        insert.addBatch();
                    }
                    int[] counts = insert.executeBatch();
                    assertThat(counts).hasSize(300).containsOnly(Statement.SUCCESS_NO_INFO);
                }
                try (var rows = ddl.executeQuery("SELECT COUNT(*) FROM batched")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(300);
                }
            }
        }
    }

    @Test
    void leavesOtherDatabasesAndAnExplicitSettingAlone() {
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:quickstart");
        postProcessor.postProcessBeforeInitialization(h2, "dataSource");
        assertThat(h2.getDataSourceProperties()).isEmpty();

        HikariDataSource explicit = new HikariDataSource();
        explicit.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/steward?reWriteBatchedInserts=false");
        postProcessor.postProcessBeforeInitialization(explicit, "dataSource");
        assertThat(explicit.getDataSourceProperties()).isEmpty();
    }
}
