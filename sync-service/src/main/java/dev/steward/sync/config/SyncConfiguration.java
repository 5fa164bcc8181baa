package dev.steward.sync.config;

import dev.steward.platform.jdbc.PlannerStatistics;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

    /** Ids of cycles, commands and log entries; a bean so tests can make them predictable. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }

    /**
     * The tables every cycle reads by key in batches; their statistics are refreshed at the start of each cycle
     * (after the wait for earlier cycles' answers, which fill them).
     */
    @Bean
    PlannerStatistics plannerStatistics(DataSource dataSource) {
        return new PlannerStatistics(dataSource, List.of("connector_space", "exported_reference", "export_command",
                "exported_licence"));
    }
}
