package dev.steward.selfservice.membership;

import dev.steward.platform.web.KeysetPage;
import dev.steward.selfservice.directory.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stored membership requests and the owners each was routed to. */
@Repository
public class MembershipRequests implements PendingRequests {

    private static final String COLUMNS = "r.id, r.group_id, r.group_display_name, r.requester_id, "
            + "r.requester_user_principal_name, r.justification, r.status, r.created_date_time, r.expires_at, "
            + "r.decided_by_id, r.decided_date_time, r.decision_reason, r.add_error_code, r.add_error_message, "
            + "r.completed_date_time, r.second_stage_group_id, r.first_stage_decided_by_id";
    /** The statuses of a request waiting for a decision, first or second stage. */
    private static final List<String> AWAITING_DECISION = List.of(RequestStatus.PENDING.wireName(),
            RequestStatus.PENDING_SECOND_STAGE.wireName());
    private static final String AFTER_CURSOR = " AND (r.created_date_time > :cursorTime "
            + "OR (r.created_date_time = :cursorTime AND r.id > :cursorId))";
    private static final String ORDER = " ORDER BY r.created_date_time, r.id LIMIT :limit";

    private final NamedParameterJdbcTemplate jdbc;

    public MembershipRequests(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MembershipRequest request, String correlationId) {
        jdbc.update("INSERT INTO membership_request (id, group_id, group_display_name, requester_id, "
                        + "requester_user_principal_name, justification, status, created_date_time, correlation_id, "
                        + "pending_key, expires_at, decided_date_time) VALUES (:id, :groupId, :groupDisplayName, "
                        + ":requesterId, :upn, :justification, :status, :created, :correlationId, :pendingKey, :expires, "
                        + ":decided)",
                new MapSqlParameterSource()
                        .addValue("id", request.id())
                        .addValue("groupId", request.groupId())
                        .addValue("groupDisplayName", request.groupDisplayName())
                        .addValue("requesterId", request.requesterId())
                        .addValue("upn", request.requesterUserPrincipalName())
                        .addValue("justification", request.justification())
                        .addValue("status", request.status().wireName())
                        .addValue("created", Timestamps.toColumn(request.createdDateTime()))
                        .addValue("correlationId", correlationId)
                        .addValue("pendingKey", request.status().isOpen()
                                ? pendingKey(request.groupId(), request.requesterId()) : null)
                        .addValue("expires", request.expiresDateTime() == null ? null
                                : Timestamps.toColumn(request.expiresDateTime()))
                        .addValue("decided", request.decidedDateTime() == null ? null
                                : Timestamps.toColumn(request.decidedDateTime())));
        insertApprovers(request.id(), request.approverIds());
    }

    private void insertApprovers(String requestId, List<String> approverIds) {
        jdbc.batchUpdate("INSERT INTO membership_request_approver (request_id, approver_id) VALUES (:requestId, :approverId)",
                approverIds.stream().distinct()
                        .map(approver -> new MapSqlParameterSource("requestId", requestId).addValue("approverId", approver))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public boolean exists(String groupId, String requesterId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE pending_key = :key",
                Map.of("key", pendingKey(groupId, requesterId)), Integer.class);
        return count != null && count > 0;
    }

    public Optional<MembershipRequest> find(String id) {
        List<MembershipRequest> found = withApprovers(jdbc.query(
                "SELECT " + COLUMNS + " FROM membership_request r WHERE r.id = :id", Map.of("id", id), this::row));
        return found.stream().findFirst();
    }

    /**
     * Reads the request and locks its row until the transaction ends: two decisions on one request are serialised,
     * and the second sees the first one's outcome.
     */
    public Optional<MembershipRequest> findForUpdate(String id) {
        List<MembershipRequest> found = withApprovers(jdbc.query(
                "SELECT " + COLUMNS + " FROM membership_request r WHERE r.id = :id FOR UPDATE", Map.of("id", id),
                this::row));
        return found.stream().findFirst();
    }

    /**
     * Reads these requests and locks their rows (in id order) until the transaction ends, as {@link #findForUpdate}
     * of each; unknown ids are missing from the answer.
     */
    public Map<String, MembershipRequest> findAllForUpdate(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, MembershipRequest> found = new LinkedHashMap<>();
        withApprovers(jdbc.query("SELECT " + COLUMNS + " FROM membership_request r WHERE r.id IN (:ids) "
                + "ORDER BY r.id FOR UPDATE", Map.of("ids", ids.stream().distinct().sorted().toList()), this::row))
                .forEach(request -> found.put(request.id(), request));
        return found;
    }

    /** The correlation ids these requests were made under, by request id (requests without one are missing). */
    public Map<String, String> correlationIds(Collection<String> ids) {
        Map<String, String> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, correlation_id FROM membership_request WHERE id IN (:ids)",
                    Map.of("ids", List.copyOf(ids)), (RowCallbackHandler) rs -> {
                        if (rs.getString("correlation_id") != null) {
                            found.put(rs.getString("id"), rs.getString("correlation_id"));
                        }
                    });
        }
        return found;
    }

    /** The correlation id the request was made under. */
    public Optional<String> correlationId(String id) {
        return jdbc.queryForList("SELECT correlation_id FROM membership_request WHERE id = :id", Map.of("id", id),
                String.class).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Moves a request from {@code from} to {@code to} and records the decision; answers false (and changes nothing)
     * when the request is no longer in {@code from}. The pending key is kept while the request stays open.
     */
    public boolean transition(String id, RequestStatus from, RequestStatus to, Transition change) {
        var params = new MapSqlParameterSource();
        return jdbc.update(transitionSql(id, from, to, change, params), params) == 1;
    }

    /**
     * Moves several requests from {@code from} to {@code to}, each with its own change, in batched statements (one per
     * shape of change); answers the ids of the requests that were no longer in {@code from} (nothing changed for them).
     */
    public List<String> transitionAll(RequestStatus from, RequestStatus to, Map<String, Transition> changes) {
        Map<String, List<MapSqlParameterSource>> bySql = new LinkedHashMap<>();
        Map<String, List<String>> idsBySql = new LinkedHashMap<>();
        changes.forEach((id, change) -> {
            var params = new MapSqlParameterSource();
            String sql = transitionSql(id, from, to, change, params);
            bySql.computeIfAbsent(sql, key -> new ArrayList<>()).add(params);
            idsBySql.computeIfAbsent(sql, key -> new ArrayList<>()).add(id);
        });
        List<String> unchanged = new ArrayList<>();
        bySql.forEach((sql, rows) -> {
            int[] counts = jdbc.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
            for (int i = 0; i < counts.length; i++) {
                // The driver may answer SUCCESS_NO_INFO (-2) for a rewritten batch; a real count of 0 means unchanged.
                if (counts[i] == 0) {
                    unchanged.add(idsBySql.get(sql).get(i));
                }
            }
        });
        return unchanged;
    }

    private static String transitionSql(String id, RequestStatus from, RequestStatus to, Transition change,
                                        MapSqlParameterSource params) {
        if (!from.mayBecome(to)) {
            throw new IllegalStateException("a " + from.wireName() + " request cannot become " + to.wireName());
        }
        params.addValue("id", id).addValue("from", from.wireName()).addValue("to", to.wireName());
        StringBuilder sql = new StringBuilder("UPDATE membership_request SET status = :to");
        if (!to.isOpen()) {
            sql.append(", pending_key = NULL");
        }
        if (change.decidedById() != null) {
            sql.append(", decided_by_id = :decidedBy");
            params.addValue("decidedBy", change.decidedById());
        }
        if (change.decidedAt() != null) {
            sql.append(", decided_date_time = :decidedAt");
            params.addValue("decidedAt", Timestamps.toColumn(change.decidedAt()));
        }
        if (change.reason() != null) {
            sql.append(", decision_reason = :reason");
            params.addValue("reason", change.reason());
        }
        if (change.completedAt() != null) {
            sql.append(", completed_date_time = :completedAt");
            params.addValue("completedAt", Timestamps.toColumn(change.completedAt()));
        }
        if (change.addErrorCode() != null) {
            sql.append(", add_error_code = :errorCode, add_error_message = :errorMessage");
            params.addValue("errorCode", change.addErrorCode()).addValue("errorMessage", change.addErrorMessage());
        }
        sql.append(" WHERE id = :id AND status = :from");
        return sql.toString();
    }

    /** What a transition records besides the new status; null fields are left as they are. */
    public record Transition(String decidedById, Instant decidedAt, String reason, Instant completedAt,
                             String addErrorCode, String addErrorMessage) {

        public static Transition decided(String by, Instant at, String reason) {
            return new Transition(by, at, reason, null, null, null);
        }

        public static Transition closed(Instant at) {
            return new Transition(null, null, null, at, null, null);
        }

        public static Transition addRefused(Instant at, String errorCode, String errorMessage) {
            return new Transition(null, null, null, at, errorCode == null ? "Unknown" : errorCode,
                    SafeLength.cut(errorMessage, 1000));
        }
    }

    /**
     * An owner approved the first stage of a request to a group with a second stage: the request now waits for a
     * member of {@code approverGroupId}, and is routed to {@code approverIds}. False (nothing changed) when the request
     * is no longer pending.
     */
    public boolean startSecondStage(String id, String approverGroupId, List<String> approverIds, String decidedById,
                                    Instant at) {
        boolean moved = jdbc.update("UPDATE membership_request SET status = :to, second_stage_group_id = :groupId, "
                        + "first_stage_decided_by_id = :by, first_stage_decided_date_time = :at "
                        + "WHERE id = :id AND status = :from",
                new MapSqlParameterSource("id", id).addValue("to", RequestStatus.PENDING_SECOND_STAGE.wireName())
                        .addValue("from", RequestStatus.PENDING.wireName()).addValue("groupId", approverGroupId)
                        .addValue("by", decidedById).addValue("at", Timestamps.toColumn(at))) == 1;
        if (moved) {
            replaceApprovers(id, approverIds);
        }
        return moved;
    }

    /** The ids of a group's requests waiting for a decision (either stage), oldest first. */
    public List<String> awaitingDecisionIdsOfGroup(String groupId) {
        return jdbc.queryForList("SELECT id FROM membership_request WHERE group_id = :groupId "
                        + "AND status IN (:statuses) ORDER BY created_date_time, id",
                new MapSqlParameterSource("groupId", groupId).addValue("statuses", AWAITING_DECISION), String.class);
    }

    /** Records the add command an approval sent. */
    public void recordAddCommand(String id, String commandId) {
        jdbc.update("UPDATE membership_request SET add_command_id = :commandId WHERE id = :id",
                Map.of("id", id, "commandId", commandId));
    }

    /** Routes the request to {@code approverIds} instead of its current approvers. */
    public void replaceApprovers(String id, List<String> approverIds) {
        jdbc.update("DELETE FROM membership_request_approver WHERE request_id = :id", Map.of("id", id));
        insertApprovers(id, approverIds);
    }

    /** Which of these groups have pending requests. */
    public Set<String> groupsWithPendingRequests(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT group_id FROM membership_request "
                        + "WHERE group_id IN (:groupIds) AND status = :status",
                new MapSqlParameterSource("groupIds", groupIds).addValue("status", RequestStatus.PENDING.wireName()),
                String.class));
    }

    /** The ids of a group's pending requests, oldest first. */
    public List<String> pendingIdsOfGroup(String groupId) {
        return jdbc.queryForList("SELECT id FROM membership_request WHERE group_id = :groupId AND status = :status "
                        + "ORDER BY created_date_time, id",
                new MapSqlParameterSource("groupId", groupId).addValue("status", RequestStatus.PENDING.wireName()),
                String.class);
    }

    /**
     * Pending requests that expire at or before {@code now}; a request without an expiry (made before expiry existed)
     * counts from {@code createdBefore}.
     */
    public List<String> pendingExpiredBy(Instant now, Instant createdBefore, int limit) {
        return jdbc.queryForList("SELECT id FROM membership_request WHERE status IN (:statuses) AND (expires_at <= :now "
                        + "OR (expires_at IS NULL AND created_date_time <= :createdBefore)) ORDER BY id LIMIT :limit",
                new MapSqlParameterSource("statuses", AWAITING_DECISION)
                        .addValue("now", Timestamps.toColumn(now))
                        .addValue("createdBefore", Timestamps.toColumn(createdBefore)).addValue("limit", limit),
                String.class);
    }

    /** Pending requests not reminded yet that expire at or before {@code expiringBy}. */
    public List<String> pendingToRemind(Instant expiringBy, int limit) {
        return jdbc.queryForList("SELECT id FROM membership_request WHERE status IN (:statuses) "
                        + "AND reminded_at IS NULL AND expires_at <= :by ORDER BY id LIMIT :limit",
                new MapSqlParameterSource("statuses", AWAITING_DECISION)
                        .addValue("by", Timestamps.toColumn(expiringBy)).addValue("limit", limit), String.class);
    }

    /** Records the reminder; false if the request was reminded before. */
    public boolean markReminded(String id, Instant at) {
        return jdbc.update("UPDATE membership_request SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL",
                new MapSqlParameterSource("id", id).addValue("at", Timestamps.toColumn(at))) == 1;
    }

    /**
     * The caller's inbox, oldest first: pending requests of the groups {@code ownerId} owns now, and second-stage
     * requests whose approver group {@code ownerId} is a direct member of now.
     */
    public RequestPage pendingForOwner(String ownerId, RequestCursor after, int limit) {
        var params = new MapSqlParameterSource("ownerId", ownerId).addValue("status", RequestStatus.PENDING.wireName())
                .addValue("secondStage", RequestStatus.PENDING_SECOND_STAGE.wireName());
        // From the caller's groups to their requests (indexes by owner and member, then by group and status): the
        // cost follows the caller's groups, not how many requests are pending in the tenant. The two parts have
        // different statuses, so UNION ALL lists each request once.
        String sql = "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + " FROM directory_group_owner o "
                + "JOIN membership_request r ON r.group_id = o.group_id WHERE o.owner_id = :ownerId "
                + "AND r.status = :status UNION ALL SELECT " + COLUMNS + " FROM directory_group_member m "
                + "JOIN membership_request r ON r.second_stage_group_id = m.group_id WHERE m.member_id = :ownerId "
                + "AND r.status = :secondStage) r WHERE TRUE";
        return page(sql, params, after, limit);
    }

    /** Every request waiting for a decision in the tenant (first or second stage), oldest first: a group admin's inbox. */
    public RequestPage awaitingDecision(RequestCursor after, int limit) {
        var params = new MapSqlParameterSource("status", RequestStatus.PENDING.wireName())
                .addValue("secondStage", RequestStatus.PENDING_SECOND_STAGE.wireName());
        return page("SELECT " + COLUMNS + " FROM membership_request r WHERE r.status IN (:status, :secondStage)",
                params, after, limit);
    }

    /** The requests {@code requesterId} made, oldest first. */
    public RequestPage madeBy(String requesterId, RequestCursor after, int limit) {
        var params = new MapSqlParameterSource("requesterId", requesterId);
        return page("SELECT " + COLUMNS + " FROM membership_request r WHERE r.requester_id = :requesterId",
                params, after, limit);
    }

    private RequestPage page(String sql, MapSqlParameterSource params, RequestCursor after, int limit) {
        if (after != null) {
            sql += AFTER_CURSOR;
            params.addValue("cursorTime", Timestamps.toColumn(after.createdDateTime())).addValue("cursorId", after.id());
        }
        params.addValue("limit", KeysetPage.fetchSize(limit));
        List<MembershipRequest> rows = withApprovers(jdbc.query(sql + ORDER, params, this::row));
        KeysetPage<MembershipRequest, RequestCursor> page = KeysetPage.of(rows, limit,
                last -> new RequestCursor(last.createdDateTime(), last.id()));
        return new RequestPage(page.rows(), page.next());
    }

    private List<MembershipRequest> withApprovers(List<MembershipRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<String, List<String>> approvers = new LinkedHashMap<>();
        requests.forEach(request -> approvers.put(request.id(), new ArrayList<>()));
        jdbc.query("SELECT request_id, approver_id FROM membership_request_approver WHERE request_id IN (:ids) "
                        + "ORDER BY approver_id", Map.of("ids", approvers.keySet()),
                (RowCallbackHandler) rs -> approvers.get(rs.getString("request_id")).add(rs.getString("approver_id")));
        return requests.stream().map(request -> request.withApprovers(approvers.get(request.id()))).toList();
    }

    private MembershipRequest row(ResultSet rs, int rowNum) throws SQLException {
        return new MembershipRequest(
                rs.getString("id"),
                rs.getString("group_id"),
                rs.getString("group_display_name"),
                rs.getString("requester_id"),
                rs.getString("requester_user_principal_name"),
                rs.getString("justification"),
                RequestStatus.fromWireName(rs.getString("status")),
                Timestamps.fromColumn(rs.getObject("created_date_time", LocalDateTime.class)),
                List.of(),
                Timestamps.fromColumn(rs.getObject("expires_at", LocalDateTime.class)),
                rs.getString("decided_by_id"),
                Timestamps.fromColumn(rs.getObject("decided_date_time", LocalDateTime.class)),
                rs.getString("decision_reason"),
                rs.getString("add_error_code"),
                rs.getString("add_error_message"),
                Timestamps.fromColumn(rs.getObject("completed_date_time", LocalDateTime.class)),
                rs.getString("second_stage_group_id"),
                rs.getString("first_stage_decided_by_id"));
    }

    private static String pendingKey(String groupId, String requesterId) {
        return groupId + "|" + requesterId;
    }
}
