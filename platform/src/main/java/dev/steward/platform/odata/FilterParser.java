package dev.steward.platform.odata;

import dev.steward.platform.odata.FilterExpression.And;
import dev.steward.platform.odata.FilterExpression.Any;
import dev.steward.platform.odata.FilterExpression.Comparison;
import dev.steward.platform.odata.FilterExpression.In;
import dev.steward.platform.odata.FilterExpression.Not;
import dev.steward.platform.odata.FilterExpression.Or;
import dev.steward.platform.odata.FilterExpression.StartsWith;
import dev.steward.platform.odata.FilterToken.Type;
import dev.steward.platform.text.SafeText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one {@code $filter} parser of Steward: OData's boolean expressions as Graph uses them, into a
 * {@link FilterExpression} tree.
 * <pre>
 * filter     = condition / "not" filter / filter "and" filter / filter "or" filter / "(" filter ")"
 * condition  = path ("eq" / "ne" / "gt" / "ge" / "lt" / "le") literal
 *            / path "in" "(" literal *( "," literal ) ")"
 *            / "startswith" "(" path "," literal ")"
 *            / path "/any(" variable ":" filter ")"        ; paths inside start with the variable
 * path       = name *( "/" name )
 * literal    = 'text' (a quote doubled inside) / number / true / false / null / GUID / date-time (RFC 3339)
 * </pre>
 * {@code not} binds tighter than {@code and}, {@code and} tighter than {@code or}; keywords, operators and
 * functions are read in any letter case. The parser never recurses: it is a shunting-yard over an explicit stack,
 * so neither a long nor a deeply nested input can exhaust the thread's stack. Input longer than
 * {@value #MAX_LENGTH} characters, more than {@value #MAX_CONDITIONS} conditions, or nesting (parentheses,
 * lambdas, connectives) deeper than {@value #MAX_DEPTH} levels is refused, so whoever walks the tree may recurse.
 * <p>
 * Malformed input is a 400 {@code Request_BadRequest} naming the zero-based position; {@code all}, functions
 * other than {@code startswith} and arithmetic operators are a 400 {@code Request_UnsupportedQuery}, as is a
 * connective the {@link FilterSchema} given does not allow. Properties are checked by the translator.
 */
public final class FilterParser {

    public static final int MAX_LENGTH = 8_000;
    public static final int MAX_CONDITIONS = 100;
    public static final int MAX_DEPTH = 100;

    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("has", "add", "sub", "mul", "div", "divby",
            "mod");
    private static final String OPERATORS = "an operator (eq, ne, gt, ge, lt, le, in)";
    private static final String OPERAND = "a property, a function, 'not' or '('";
    private static final String VALUE = "a value such as 'text', 42, true, false, null, a GUID or a date-time";

    private final List<FilterToken> tokens;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<Node> operands = new ArrayDeque<>();
    private final Deque<String> variables = new ArrayDeque<>();
    /** The schema in force: the resource's, then the element schema of each open lambda; null entries check nothing. */
    private final List<FilterSchema> schemas = new ArrayList<>();
    private int index;
    private int open;
    private int conditions;

    private FilterParser(List<FilterToken> tokens, FilterSchema schema) {
        this.tokens = tokens;
        this.schemas.add(schema);
    }

    /** The tree of {@code expression}, every connective allowed. */
    public static FilterExpression parse(String expression) {
        return parse(expression, null);
    }

    /**
     * The tree of {@code expression}; a connective {@code schema} does not allow is refused where it is met (null:
     * every connective is allowed).
     */
    public static FilterExpression parse(String expression, FilterSchema schema) {
        if (expression == null || expression.isBlank()) {
            throw FilterErrors.malformed("the $filter query option is empty.");
        }
        if (expression.length() > MAX_LENGTH) {
            throw FilterErrors.malformed("longer than " + MAX_LENGTH + " characters.");
        }
        if (!SafeText.isSafe(expression)) {
            // no stored text has them, and PostgreSQL refuses a NUL in a parameter
            throw FilterErrors.malformed("control characters and unpaired surrogates are not allowed.");
        }
        return new FilterParser(FilterTokenizer.tokenize(expression), schema).run();
    }

    private FilterExpression run() {
        boolean expectOperand = true;
        while (true) {
            FilterToken token = peek();
            if (expectOperand) {
                if (token.type() == Type.OPEN) {
                    enter(token);
                    frames.push(new Group(token.position()));
                    next();
                } else if (token.isWord("not")) {
                    check(LogicalOperator.NOT);
                    frames.push(new Connective(LogicalOperator.NOT, token.position()));
                    next();
                } else {
                    expectOperand = !condition();
                }
            } else if (token.isWord("and") || token.isWord("or")) {
                LogicalOperator connective = token.isWord("and") ? LogicalOperator.AND : LogicalOperator.OR;
                check(connective);
                reduce(precedence(connective));
                frames.push(new Connective(connective, token.position()));
                next();
                expectOperand = true;
            } else if (token.type() == Type.CLOSE && open > 0) {
                reduce(0);
                close(frames.pop());
                next();
            } else if (token.type() == Type.END && open == 0) {
                reduce(0);
                return operands.pop().expression();
            } else {
                throw FilterErrors.expected(open > 0 ? "'and', 'or' or ')'" : "'and', 'or' or the end of the expression",
                        token);
            }
        }
    }

    /** Reads one condition; false when it opened a lambda, whose condition comes next. */
    private boolean condition() {
        FilterToken first = next();
        if (first.type() != Type.IDENTIFIER || first.isWord("and") || first.isWord("or") || isValueWord(first)) {
            throw FilterErrors.expected(OPERAND, first);
        }
        if (peek().type() == Type.OPEN) {
            function(first);
            return true;
        }
        List<String> segments = segments(first);
        String last = segments.get(segments.size() - 1);
        if (segments.size() > 1 && peek().type() == Type.OPEN) {
            if (last.equalsIgnoreCase("any")) {
                lambda(first, segments.subList(0, segments.size() - 1));
                return false;
            }
            if (last.equalsIgnoreCase("all")) {
                throw FilterErrors.unsupported("The lambda operator 'all' is not supported in $filter; use 'any'.");
            }
        }
        PropertyPath path = scoped(first, segments);
        FilterToken operator = next();
        FilterOperator comparison = operator.type() == Type.IDENTIFIER ? FilterOperator.comparison(operator.text())
                : null;
        if (comparison != null) {
            leaf(new Comparison(path, comparison, literal()), first);
        } else if (operator.isWord("in")) {
            expect(Type.OPEN, "'(' after in");
            List<Literal> values = new ArrayList<>();
            values.add(literal());
            while (peek().type() == Type.COMMA) {
                next();
                values.add(literal());
                if (values.size() > MAX_CONDITIONS) {
                    throw FilterErrors.malformed("more than " + MAX_CONDITIONS + " values in the list at position "
                            + operator.position() + ".");
                }
            }
            expect(Type.CLOSE, "',' or ')'");
            leaf(new In(path, values), first);
        } else if (operator.type() == Type.IDENTIFIER
                && UNSUPPORTED_OPERATORS.contains(operator.text().toLowerCase(Locale.ROOT))) {
            throw FilterErrors.unsupported("The operator '" + operator.text() + "' is not supported in $filter.");
        } else {
            throw FilterErrors.expected(OPERATORS, operator);
        }
        return true;
    }

    /** {@code startswith(path,'prefix')}; any other function is unsupported. */
    private void function(FilterToken name) {
        if (!name.isWord("startswith")) {
            throw FilterErrors.unsupported("The function '" + name.text() + "' is not supported in $filter; the one "
                    + "function is startswith(property,'text').");
        }
        next();
        FilterToken first = next();
        if (first.type() != Type.IDENTIFIER) {
            throw FilterErrors.expected("a property", first);
        }
        PropertyPath path = scoped(first, segments(first));
        expect(Type.COMMA, "','");
        Literal prefix = literal();
        expect(Type.CLOSE, "')'");
        leaf(new StartsWith(path, prefix), name);
    }

    /** {@code collection/any(variable:} — the condition and the closing parenthesis follow. */
    private void lambda(FilterToken first, List<String> collectionSegments) {
        PropertyPath collection = scoped(first, collectionSegments);
        FilterToken parenthesis = next();
        FilterToken variable = expect(Type.IDENTIFIER, "a lambda variable such as 't'");
        if (isValueWord(variable) || variable.isWord("not") || variable.isWord("and") || variable.isWord("or")) {
            throw FilterErrors.expected("a lambda variable such as 't'", variable);
        }
        expect(Type.COLON, "':'");
        enter(parenthesis);
        count(first);
        frames.push(new Lambda(collection, variable.text(), first.position()));
        variables.push(variable.text());
        FilterSchema current = schema();
        schemas.add(current == null ? null : current.elementsOf(collection.name()));
    }

    private void close(Frame frame) {
        open--;
        if (frame instanceof Lambda lambda) {
            Node condition = operands.pop();
            variables.pop();
            schemas.remove(schemas.size() - 1);
            push(new Any(lambda.collection(), lambda.variable(), condition.expression()), condition.depth() + 1,
                    lambda.position());
        }
    }

    /** Applies every stacked connective binding at least as tightly as {@code precedence}. */
    private void reduce(int precedence) {
        while (frames.peek() instanceof Connective connective && precedence(connective.operator()) >= precedence) {
            frames.pop();
            if (connective.operator() == LogicalOperator.NOT) {
                Node operand = operands.pop();
                push(new Not(operand.expression()), operand.depth() + 1, connective.position());
            } else {
                Node right = operands.pop();
                Node left = operands.pop();
                boolean and = connective.operator() == LogicalOperator.AND;
                List<FilterExpression> all = new ArrayList<>();
                int depth = 0;
                for (Node node : List.of(left, right)) {
                    List<FilterExpression> flattened = and ? node.expression() instanceof And a ? a.operands() : null
                            : node.expression() instanceof Or o ? o.operands() : null;
                    if (flattened != null) {
                        all.addAll(flattened);
                        depth = Math.max(depth, node.depth());
                    } else {
                        all.add(node.expression());
                        depth = Math.max(depth, node.depth() + 1);
                    }
                }
                push(and ? new And(all) : new Or(all), depth, connective.position());
            }
        }
    }

    private void push(FilterExpression expression, int depth, int position) {
        if (depth > MAX_DEPTH) {
            throw FilterErrors.malformed("the expression is nested deeper than " + MAX_DEPTH + " levels at position "
                    + position + ".");
        }
        operands.push(new Node(expression, depth));
    }

    private void leaf(FilterExpression condition, FilterToken first) {
        count(first);
        push(condition, 1, first.position());
    }

    private void count(FilterToken first) {
        if (++conditions > MAX_CONDITIONS) {
            throw FilterErrors.malformed("more than " + MAX_CONDITIONS + " conditions (at position "
                    + first.position() + ").");
        }
    }

    private void enter(FilterToken token) {
        if (++open > MAX_DEPTH) {
            throw FilterErrors.malformed("parentheses and lambdas nested deeper than " + MAX_DEPTH
                    + " levels at position " + token.position() + ".");
        }
    }

    private void check(LogicalOperator connective) {
        FilterSchema current = schema();
        if (current != null) {
            current.check(connective);
        }
    }

    private FilterSchema schema() {
        return schemas.get(schemas.size() - 1);
    }

    /** {@code name *("/" name)} starting at {@code first}, already read. */
    private List<String> segments(FilterToken first) {
        List<String> segments = new ArrayList<>();
        segments.add(first.text());
        while (peek().type() == Type.SLASH) {
            next();
            segments.add(expect(Type.IDENTIFIER, "a property after '/'").text());
        }
        return segments;
    }

    /** The path relative to the innermost lambda's element; inside a lambda it must start with its variable. */
    private PropertyPath scoped(FilterToken first, List<String> segments) {
        String text = String.join("/", segments);
        String variable = variables.peek();
        if (variable == null) {
            return new PropertyPath(segments, text, first.position());
        }
        if (!segments.get(0).equals(variable)) {
            throw FilterErrors.malformed("expected a property of the lambda variable '" + variable + "' at position "
                    + first.position() + ", found " + first.describe() + ".");
        }
        return new PropertyPath(segments.subList(1, segments.size()), text, first.position());
    }

    private Literal literal() {
        FilterToken token = next();
        return switch (token.type()) {
            case STRING -> new Literal(Literal.Type.STRING, token.value(), "'" + token.text().replace("'", "''") + "'",
                    token.position());
            case NUMBER -> new Literal(Literal.Type.NUMBER, token.value(), token.text(), token.position());
            case GUID -> new Literal(Literal.Type.GUID, token.value(), token.text(), token.position());
            case DATE_TIME -> new Literal(Literal.Type.DATE_TIME, token.value(), token.text(), token.position());
            case IDENTIFIER -> {
                if (token.isWord("true") || token.isWord("false")) {
                    yield new Literal(Literal.Type.BOOLEAN, token.isWord("true"), token.text(), token.position());
                }
                if (token.isWord("null")) {
                    yield new Literal(Literal.Type.NULL, null, token.text(), token.position());
                }
                throw FilterErrors.expected(VALUE, token);
            }
            default -> throw FilterErrors.expected(VALUE, token);
        };
    }

    private static boolean isValueWord(FilterToken token) {
        return token.isWord("true") || token.isWord("false") || token.isWord("null");
    }

    private static int precedence(LogicalOperator connective) {
        return switch (connective) {
            case NOT -> 3;
            case AND -> 2;
            case OR -> 1;
        };
    }

    private FilterToken expect(Type type, String what) {
        FilterToken token = next();
        if (token.type() != type) {
            throw FilterErrors.expected(what, token);
        }
        return token;
    }

    private FilterToken peek() {
        return tokens.get(index);
    }

    private FilterToken next() {
        FilterToken token = tokens.get(index);
        if (token.type() != Type.END) {
            index++;
        }
        return token;
    }

    private sealed interface Frame permits Connective, Group, Lambda {
    }

    private record Connective(LogicalOperator operator, int position) implements Frame {
    }

    private record Group(int position) implements Frame {
    }

    private record Lambda(PropertyPath collection, String variable, int position) implements Frame {
    }

    private record Node(FilterExpression expression, int depth) {
    }
}
