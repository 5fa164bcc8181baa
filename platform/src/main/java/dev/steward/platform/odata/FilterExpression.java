package dev.steward.platform.odata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tree of a parsed {@code $filter}. {@link And} and {@link Or} hold every operand of a chain of the same
 * connective ({@code a or b or c} is one {@link Or} of three), so the depth of the tree is the nesting the
 * expression spells out, never its length; {@link FilterParser} bounds it.
 */
public sealed interface FilterExpression {

    /** The expression in canonical OData syntax, every connective parenthesised: what the parser understood. */
    String text();

    /** {@code property eq|ne|gt|ge|lt|le value}. */
    record Comparison(PropertyPath property, FilterOperator operator, Literal value) implements FilterExpression {
        @Override
        public String text() {
            return property.text() + " " + operator.odataName() + " " + value.odata();
        }
    }

    /** {@code property in (value, ...)}. */
    record In(PropertyPath property, List<Literal> values) implements FilterExpression {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public String text() {
            return property.text() + " in (" + values.stream().map(Literal::odata).collect(Collectors.joining(","))
                    + ")";
        }
    }

    /** The function call {@code startswith(property,'prefix')}. */
    record StartsWith(PropertyPath property, Literal prefix) implements FilterExpression {
        @Override
        public String text() {
            return "startswith(" + property.text() + "," + prefix.odata() + ")";
        }
    }

    /** The lambda {@code collection/any(variable: condition)}; paths in the condition are relative to the element. */
    record Any(PropertyPath collection, String variable, FilterExpression condition) implements FilterExpression {
        @Override
        public String text() {
            return collection.text() + "/any(" + variable + ": " + condition.text() + ")";
        }
    }

    record And(List<FilterExpression> operands) implements FilterExpression {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String text() {
            return operands.stream().map(FilterExpression::text).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Or(List<FilterExpression> operands) implements FilterExpression {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String text() {
            return operands.stream().map(FilterExpression::text).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(FilterExpression operand) implements FilterExpression {
        @Override
        public String text() {
            String inner = operand.text();
            return operand instanceof And || operand instanceof Or ? "not " + inner : "not (" + inner + ")";
        }
    }
}
