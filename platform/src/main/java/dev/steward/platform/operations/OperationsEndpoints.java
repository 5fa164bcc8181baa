package dev.steward.platform.operations;

/**
 * The operations endpoints every service serves on its own port: Prometheus metrics and the OpenAPI description.
 * They answer without a token unless {@code steward.security.protect-operations=true}, which requires a token with
 * {@link dev.steward.platform.security.Permissions#OPERATIONS_READ}.
 */
public final class OperationsEndpoints {

    public static final String PROMETHEUS = "/actuator/prometheus";
    public static final String OPENAPI = "/v3/api-docs";
    public static final String[] PATHS = {PROMETHEUS, OPENAPI, OPENAPI + "/**", OPENAPI + ".yaml"};

    private OperationsEndpoints() {
    }
}
