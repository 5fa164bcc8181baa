package dev.steward.selfservice.mygroups;

/**
 * Body of {@code POST /mygroups/groups/{id}/members}: the id of the user to add, {@code {"memberId": "<user id>"}}.
 * Any other property is refused (400), as every body here.
 */
public record NewMember(String memberId) {
}
