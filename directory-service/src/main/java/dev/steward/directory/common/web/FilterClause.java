package dev.steward.directory.common.web;

/** One comparison of an OData {@code $filter}: {@code property eq value} or {@code startswith(property, 'value')}. */
public record FilterClause(String property, Operator operator, Object value) {

    public enum Operator { EQ, STARTS_WITH }
}
