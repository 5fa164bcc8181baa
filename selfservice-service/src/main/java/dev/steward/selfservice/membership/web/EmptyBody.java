package dev.steward.selfservice.membership.web;

/** The optional body of approve, cancel and leave: {@code {}} or nothing; any property is refused. */
public record EmptyBody() {
}
