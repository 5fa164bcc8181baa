package dev.steward.platform.odata;

import java.util.List;

/**
 * A SQL condition with positional ({@code ?}) parameters. The text comes from column names a service declares and
 * fixed operators only; every value from a request is a parameter.
 */
public record SqlCondition(String sql, List<Object> parameters) {

    /** Matches every row. */
    public static final SqlCondition ALL = new SqlCondition("1 = 1", List.of());

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }
}
