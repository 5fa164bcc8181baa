package dev.steward.platform.odata;

import java.util.Locale;

/** The operators a {@code $filter} condition may test a property with, by their OData names. */
public enum FilterOperator {
    EQ("eq"),
    NE("ne"),
    GT("gt"),
    GE("ge"),
    LT("lt"),
    LE("le"),
    IN("in"),
    STARTS_WITH("startswith"),
    ANY("any");

    private final String odataName;

    FilterOperator(String odataName) {
        this.odataName = odataName;
    }

    public String odataName() {
        return odataName;
    }

    /** The binary comparison ({@code eq ne gt ge lt le}) named {@code word} in any letter case, or null. */
    static FilterOperator comparison(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (FilterOperator operator : new FilterOperator[] {EQ, NE, GT, GE, LT, LE}) {
            if (operator.odataName.equals(lower)) {
                return operator;
            }
        }
        return null;
    }
}
