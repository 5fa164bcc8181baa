package dev.steward.selfservice.membership;

import dev.steward.selfservice.directory.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stored membership requests and the owners each was routed to. */
@Repository
public class MembershipRequests implements PendingRequests {

    private static final String COLUMNS = "r.id, r.group_id, r.group_display_name, r.requester_id, "
            + "r.requester_user_principal_name, r.justification, r.status, r.created_date_time";
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
                        + "pending_key) VALUES (:id, :groupId, :groupDisplayName, :requesterId, :upn, :justification, "
                        + ":status, :created, :correlationId, :pendingKey)",
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
                        .addValue("pendingKey", request.status() == RequestStatus.PENDING
                                ? pendingKey(request.groupId(), request.requesterId()) : null));
        jdbc.batchUpdate("INSERT INTO membership_request_approver (request_id, approver_id) VALUES (:requestId, :approverId)",
                request.approverIds().stream().distinct()
                        .map(approver -> new MapSqlParameterSource("requestId", request.id()).addValue("approverId", approver))
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

    /** Pending requests of the groups {@code ownerId} owns now, oldest first. */
    public RequestPage pendingForOwner(String ownerId, RequestCursor after, int limit) {
        var params = new MapSqlParameterSource("ownerId", ownerId).addValue("status", RequestStatus.PENDING.wireName());
        String sql = "SELECT " + COLUMNS + " FROM membership_request r "
                + "JOIN directory_group_owner o ON o.group_id = r.group_id AND o.owner_id = :ownerId "
                + "WHERE r.status = :status";
        return page(sql, params, after, limit);
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
        params.addValue("limit", limit + 1);
        List<MembershipRequest> rows = withApprovers(jdbc.query(sql + ORDER, params, this::row));
        if (rows.size() <= limit) {
            return new RequestPage(rows, null);
        }
        List<MembershipRequest> shown = rows.subList(0, limit);
        MembershipRequest last = shown.get(limit - 1);
        return new RequestPage(shown, new RequestCursor(last.createdDateTime(), last.id()));
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
        return requests.stream().map(request -> new MembershipRequest(request.id(), request.groupId(),
                request.groupDisplayName(), request.requesterId(), request.requesterUserPrincipalName(),
                request.justification(), request.status(), request.createdDateTime(), approvers.get(request.id())))
                .toList();
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
                List.of());
    }

    private static String pendingKey(String groupId, String requesterId) {
        return groupId + "|" + requesterId;
    }
}
