package dev.steward.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * PostgreSQL's driver sends a JDBC batch of inserts as multi-row {@code INSERT}s ({@code reWriteBatchedInserts}): a
 * statement per up to 128 rows instead of one per row, which is what the services' batched writes (events, read
 * model rows, membership rows) are for. Batched statements then report {@code SUCCESS_NO_INFO} instead of row
 * counts; no Steward code reads them. Other databases (the quickstart's H2 files) are left as they are.
 */
public class PostgresBatchedInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !dataSource.getJdbcUrl().contains(PROPERTY + "=")) {
            dataSource.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }
}
