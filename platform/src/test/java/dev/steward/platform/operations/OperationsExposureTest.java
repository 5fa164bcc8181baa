package dev.steward.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OperationsExposureTest {

    @Test
    void addsHealthAndPrometheusToWhatTheServiceExposes() {
        var environment = environment(Map.of(OperationsExposure.INCLUDE, "health,info"));

        new OperationsExposure().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(OperationsExposure.INCLUDE)).isEqualTo("health,info,prometheus");
    }

    @Test
    void exposesHealthAndPrometheusWhenTheServiceConfiguresNothing() {
        var environment = environment(Map.of());

        new OperationsExposure().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(OperationsExposure.INCLUDE).split(","))
                .containsExactlyInAnyOrder("health", "prometheus");
    }

    @Test
    void leavesAnExposeEverythingWildcardAlone() {
        var environment = environment(Map.of(OperationsExposure.INCLUDE, "*"));

        new OperationsExposure().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(OperationsExposure.INCLUDE)).isEqualTo("*");
        assertThat(environment.getPropertySources().contains(OperationsExposure.SOURCE_NAME)).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application", properties));
        return environment;
    }
}
