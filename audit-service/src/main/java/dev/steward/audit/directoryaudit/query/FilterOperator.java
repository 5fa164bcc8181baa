package dev.steward.audit.directoryaudit.query;

/** The comparisons a {@code $filter} may use, with their OData names. */
public enum FilterOperator {
    EQ("eq"),
    GE("ge"),
    LE("le"),
    GT("gt"),
    LT("lt"),
    STARTS_WITH("startswith");

    private final String odataName;

    FilterOperator(String odataName) {
        this.odataName = odataName;
    }

    public String odataName() {
        return odataName;
    }

    /** The infix comparison operator named {@code word}, or null ({@code startswith} is a function, not infix). */
    static FilterOperator infix(String word) {
        for (FilterOperator operator : values()) {
            if (operator != STARTS_WITH && operator.odataName.equalsIgnoreCase(word)) {
                return operator;
            }
        }
        return null;
    }
}
