package dev.steward.sync.provisioning;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} of {@code GET /sync/provisioningLogs}: clauses joined by {@code and}, each one of
 * {@code action eq '...'}, {@code cycleId eq '...'}, {@code sourceIdentity/id eq '...'},
 * {@code targetIdentity/id eq '...'}, {@code activityDateTime ge|le <instant>}.
 */
public record ProvisioningLogFilter(String action, String cycleId, String sourceId, String targetId, Instant from,
                                    Instant to) {

    public static final ProvisioningLogFilter NONE = new ProvisioningLogFilter(null, null, null, null, null, null);

    private static final Pattern CLAUSE = Pattern.compile(
            "^\\s*([A-Za-z/]+)\\s+(eq|ge|le)\\s+('(?:[^']|'')*'|[0-9][0-9TZ:.+\\-]*)\\s*$");

    /** @throws IllegalArgumentException with a message fit for a 400 answer */
    public static ProvisioningLogFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return NONE;
        }
        String action = null;
        String cycleId = null;
        String sourceId = null;
        String targetId = null;
        Instant from = null;
        Instant to = null;
        for (String clause : splitOnAnd(filter)) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid filter clause: '" + clause.trim() + "'.");
            }
            String property = m.group(1);
            String operator = m.group(2);
            String operand = m.group(3);
            switch (property + " " + operator) {
                case "action eq" -> action = text(operand, clause);
                case "cycleId eq" -> cycleId = text(operand, clause);
                case "sourceIdentity/id eq" -> sourceId = text(operand, clause);
                case "targetIdentity/id eq" -> targetId = text(operand, clause);
                case "activityDateTime ge" -> from = instant(operand, clause);
                case "activityDateTime le" -> to = instant(operand, clause);
                default -> throw new IllegalArgumentException("Unsupported filter clause: '" + clause.trim()
                        + "'. Supported: action, cycleId, sourceIdentity/id and targetIdentity/id with eq; "
                        + "activityDateTime with ge and le.");
            }
        }
        return new ProvisioningLogFilter(action, cycleId, sourceId, targetId, from, to);
    }

    private static List<String> splitOnAnd(String filter) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && filter.regionMatches(true, i, " and ", 0, 5)) {
                clauses.add(current.toString());
                current.setLength(0);
                i += 5;
                continue;
            }
            current.append(c);
            i++;
        }
        clauses.add(current.toString());
        return clauses;
    }

    private static String text(String operand, String clause) {
        if (!operand.startsWith("'")) {
            throw new IllegalArgumentException("Invalid filter clause: '" + clause.trim() + "' needs a quoted string.");
        }
        return operand.substring(1, operand.length() - 1).replace("''", "'");
    }

    private static Instant instant(String operand, String clause) {
        try {
            return Instant.parse(operand.startsWith("'") ? text(operand, clause) : operand);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid filter clause: '" + clause.trim()
                    + "' needs a date-time such as 2026-01-01T00:00:00Z.");
        }
    }
}
