package dev.steward.selfservice.mygroups;

import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;

/** Where a page of groups ends, as an opaque {@code $skiptoken}: groups are listed by id. */
record GroupCursor(String afterId) {

    String toSkipToken() {
        return GraphPage.skipToken("g|" + afterId);
    }

    /** Null when there is no token. @throws MembershipRequestRefused for a token this service did not issue */
    static GroupCursor fromSkipToken(String token) {
        try {
            String text = GraphPage.cursor(token);
            if (text == null) {
                return null;
            }
            if (!text.startsWith("g|") || text.length() < 3) {
                throw new IllegalArgumentException("not a group cursor");
            }
            return new GroupCursor(text.substring(2));
        } catch (GraphException | IllegalArgumentException e) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST, "The $skiptoken is not valid.");
        }
    }
}
