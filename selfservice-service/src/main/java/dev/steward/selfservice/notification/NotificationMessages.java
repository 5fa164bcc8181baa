package dev.steward.selfservice.notification;

import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequested;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is told what about a membership request, for each event of its lifecycle: the routing to owners (a new
 * request, owners added later) and to the second stage's approvers, the reminder before expiry, and every outcome
 * (approved, rejected, cancelled, expired, closed with its group, completed, refused by the directory). An open group's request is approved at once: its owners are not
 * asked, the requester hears of the approval. Events that concern nobody (an owner removed from a request) give none.
 */
final class NotificationMessages {

    static final String APPROVER = "Approver";
    static final String REQUESTER = "Requester";

    /** A person to tell and why. */
    record Target(String userId, String role) {
    }

    /** What to tell them: the same subject and text for every target. */
    record Message(List<Target> targets, String subject, String text) {
    }

    /**
     * What the event does not say but the message needs.
     *
     * @param requesterName     the requester's userPrincipalName, else their id
     * @param approverIds       the request's approvers now (cancellations and refused adds do not carry them)
     * @param joinedAtOnce      the request was approved when it was made (an open group)
     * @param pageUrl           the My Groups page, for a link; null for none
     */
    record Context(String requesterName, List<String> approverIds, boolean joinedAtOnce, String pageUrl) {
    }

    private NotificationMessages() {
    }

    static Optional<Message> of(IntegrationEvent event, Context context) {
        String requester = context.requesterName();
        if (event instanceof MembershipRequested e) {
            if (context.joinedAtOnce()) {
                return Optional.empty();
            }
            return message(approvers(e.approverIds()), requester + " asks to join " + e.groupDisplayName(),
                    requester + " asks to join " + e.groupDisplayName() + "."
                            + justification(e.justification()) + "\nApprove or reject the request in My Groups.",
                    context);
        }
        if (event instanceof MembershipRequestRouted e) {
            return message(approvers(e.addedApproverIds()), requester + " asks to join " + e.groupDisplayName(),
                    requester + " asks to join " + e.groupDisplayName() + ". You are now an owner of the group, so "
                            + "the request waits for your decision too.\nApprove or reject the request in My Groups.",
                    context);
        }
        if (event instanceof MembershipRequestReminded e) {
            return message(approvers(e.approverIds()), "Reminder: " + requester + " asks to join "
                            + e.groupDisplayName(),
                    requester + " still waits for a decision on joining " + e.groupDisplayName() + ". The request "
                            + "expires at " + e.expiresAt() + " unless an owner approves or rejects it first.", context);
        }
        if (event instanceof MembershipRequestApproved e) {
            return e.automatic()
                    ? message(requester(e.requesterId()), "You are joining " + e.groupDisplayName(),
                            e.groupDisplayName() + " is open to everyone: you are being added to it now.", context)
                    : message(requester(e.requesterId()), "Your request to join " + e.groupDisplayName()
                                    + " was approved",
                            "An owner approved your request to join " + e.groupDisplayName()
                                    + ". You are being added to the group now.", context);
        }
        if (event instanceof MembershipRequestFirstStageApproved e) {
            Optional<Message> toApprovers = message(approvers(context.approverIds()), requester + " asks to join "
                            + e.groupDisplayName() + ": second approval",
                    "An owner of " + e.groupDisplayName() + " approved the request of " + requester + " to join it. "
                            + "The group also needs the approval of a member of its approver group, such as you."
                            + "\nApprove or reject the request in My Groups.", context);
            return toApprovers.isPresent() ? toApprovers : message(requester(e.requesterId()),
                    "Your request to join " + e.groupDisplayName() + " waits for a second approval",
                    "An owner approved your request to join " + e.groupDisplayName() + "; a member of the group's "
                            + "approver group decides next.", context);
        }
        if (event instanceof MembershipRequestClosed e) {
            return message(both(e.requesterId(), context.approverIds()), "The request of " + requester + " to join "
                    + e.groupDisplayName() + " was closed", "The request of " + requester + " to join "
                    + e.groupDisplayName() + " was closed without a decision: "
                    + (MembershipRequestClosed.GROUP_DELETED.equals(e.reason()) ? "the group was deleted."
                    : e.reason() + "."), context);
        }
        if (event instanceof MembershipRequestRejected e) {
            return message(requester(e.requesterId()), "Your request to join " + e.groupDisplayName()
                    + " was rejected", "An owner rejected your request to join " + e.groupDisplayName()
                    + ".\nReason: " + e.reason(), context);
        }
        if (event instanceof MembershipRequestCancelled e) {
            return message(approvers(context.approverIds()), requester + " cancelled the request to join "
                    + e.groupDisplayName(), requester + " cancelled the request to join " + e.groupDisplayName()
                    + ". Nothing is left to decide.", context);
        }
        if (event instanceof MembershipRequestExpired e) {
            return message(both(e.requesterId(), e.approverIds()), "The request of " + requester + " to join "
                    + e.groupDisplayName() + " expired", "Nobody decided on the request of " + requester
                    + " to join " + e.groupDisplayName() + " before " + e.expiresAt() + ", so it expired. "
                    + "The requester may ask again.", context);
        }
        if (event instanceof MembershipRequestCompleted e) {
            return message(requester(e.requesterId()), "You are now a member of " + e.groupDisplayName(),
                    "The directory added you to " + e.groupDisplayName() + ".", context);
        }
        if (event instanceof MembershipRequestAddRefused e) {
            return message(both(e.requesterId(), context.approverIds()), requester + " could not be added to "
                    + e.groupDisplayName(), "The request of " + requester + " to join " + e.groupDisplayName()
                    + " was approved, but the directory refused to add the member: " + e.message() + " ("
                    + e.errorCode() + ").", context);
        }
        return Optional.empty();
    }

    private static Optional<Message> message(List<Target> targets, String subject, String text, Context context) {
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        String body = context.pageUrl() == null || context.pageUrl().isBlank() ? text
                : text + "\n\nMy Groups: " + context.pageUrl();
        return Optional.of(new Message(targets, singleLine(subject), body));
    }

    private static String justification(String justification) {
        return justification == null || justification.isBlank() ? "" : "\nJustification: " + justification;
    }

    private static List<Target> approvers(List<String> ids) {
        return ids.stream().distinct().map(id -> new Target(id, APPROVER)).toList();
    }

    private static List<Target> requester(String id) {
        return List.of(new Target(id, REQUESTER));
    }

    /** The requester and the approvers, each once (an approver who is also the requester is told as requester). */
    private static List<Target> both(String requesterId, List<String> approverIds) {
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put(requesterId, new Target(requesterId, REQUESTER));
        for (String id : approverIds) {
            targets.putIfAbsent(id, new Target(id, APPROVER));
        }
        return new ArrayList<>(targets.values());
    }

    /** A subject is one header line: names come from the directory, but no line break may end it early. */
    private static String singleLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
