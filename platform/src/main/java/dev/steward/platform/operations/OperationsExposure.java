package dev.steward.platform.operations;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Exposes {@code health} and {@code prometheus} on every service without touching its own configuration: the
 * actuator web exposure becomes the union of what the service configures and these two. A service (or an operator)
 * hides one with {@code management.endpoints.web.exposure.exclude}, which wins over any include.
 */
public class OperationsExposure implements EnvironmentPostProcessor, Ordered {

    static final String INCLUDE = "management.endpoints.web.exposure.include";
    static final String SOURCE_NAME = "stewardOperationsExposure";
    static final Set<String> ALWAYS_EXPOSED = Set.of("health", "prometheus");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> configured = Binder.get(environment).bind(INCLUDE, Bindable.setOf(String.class)).orElse(Set.of());
        if (configured.contains("*")) {
            return;
        }
        Set<String> exposed = new LinkedHashSet<>(configured);
        exposed.addAll(ALWAYS_EXPOSED);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME,
                Map.of(INCLUDE, String.join(",", exposed))));
    }

    /** After the configuration files are read, so their include list is the one extended. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
