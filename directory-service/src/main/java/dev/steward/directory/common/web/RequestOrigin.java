package dev.steward.directory.common.web;

import dev.steward.contracts.Initiator;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.platform.security.Caller;
import dev.steward.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The origin of a command sent for an HTTP request: the caller, with the client's address when the token has
 * none, and the request's {@code client-request-id} (or its request id) as the correlation id.
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static CommandOrigin of(Caller caller, HttpServletRequest request) {
        Initiator initiator = caller.toInitiator();
        if (initiator.ipAddress() == null) {
            initiator = new Initiator(initiator.userId(), initiator.userPrincipalName(), initiator.displayName(),
                    initiator.appId(), initiator.appDisplayName(), request.getRemoteAddr());
        }
        return new CommandOrigin(RequestIdFilter.correlationId(request), initiator);
    }
}
