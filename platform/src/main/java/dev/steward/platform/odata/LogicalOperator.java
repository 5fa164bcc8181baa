package dev.steward.platform.odata;

/** The connectives of a {@code $filter}; a {@link FilterSchema} says which of them a resource answers. */
public enum LogicalOperator {
    AND("and"),
    OR("or"),
    NOT("not");

    private final String odataName;

    LogicalOperator(String odataName) {
        this.odataName = odataName;
    }

    public String odataName() {
        return odataName;
    }
}
