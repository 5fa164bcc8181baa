package dev.steward.directory.history;

import java.util.List;
import java.util.Objects;

/**
 * Where a delta query stands, as its {@code $skiptoken} / {@code $deltatoken} carries it (opaque to callers, see
 * {@link DeltaTokens}). Positions are global indexes of the event store: every event at or below a position has
 * been taken into account.
 *
 * <ul>
 *   <li>{@link Phase#INITIAL}: a page of the first round, which lists the current objects in id order after
 *       {@code afterId} (or, with {@code resumeMembersAfter}, goes on with the members of group {@code afterId});
 *       {@code end} is the position the round's deltaLink will start from.</li>
 *   <li>{@link Phase#CHANGES}: a page of a change round, covering the events after {@code position} up to
 *       {@code end}.</li>
 *   <li>{@link Phase#DELTA}: a deltaLink; the next round answers the events after {@code position}.</li>
 * </ul>
 *
 * @param top    objects per page ({@code $top} of the first request)
 * @param select {@code $select} of the first request, in its order; empty for every property
 */
public record DeltaCursor(Resource resource, Phase phase, long position, long end, int top, List<String> select,
                          String afterId, String resumeMembersAfter) {

    /** The collection a token belongs to: a users token is no good for groups. */
    public enum Resource {
        GROUPS("g"), USERS("u");

        final String code;

        Resource(String code) {
            this.code = code;
        }
    }

    public enum Phase {
        INITIAL("i"), CHANGES("c"), DELTA("d");

        final String code;

        Phase(String code) {
            this.code = code;
        }
    }

    public DeltaCursor {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(phase, "phase");
        select = select == null ? List.of() : List.copyOf(select);
    }

    /** The first page of a first round, whose deltaLink will start at {@code end}. */
    public static DeltaCursor initial(Resource resource, long end, int top, List<String> select) {
        return new DeltaCursor(resource, Phase.INITIAL, 0, end, top, select, null, null);
    }

    /** A deltaLink: the next round starts after {@code position}. */
    public static DeltaCursor delta(Resource resource, long position, int top, List<String> select) {
        return new DeltaCursor(resource, Phase.DELTA, position, position, top, select, null, null);
    }

    public DeltaCursor nextInitialPage(String afterId, String resumeMembersAfter) {
        return new DeltaCursor(resource, Phase.INITIAL, 0, end, top, select, afterId, resumeMembersAfter);
    }

    public DeltaCursor changesAfter(long reached, long roundEnd) {
        return new DeltaCursor(resource, Phase.CHANGES, reached, roundEnd, top, select, null, null);
    }

    public DeltaCursor deltaLink(long reached) {
        return delta(resource, reached, top, select);
    }

    /** Member changes ({@code members@delta}) are reported: no {@code $select}, or one naming {@code members}. */
    public boolean tracksMembers() {
        return resource == Resource.GROUPS && (select.isEmpty() || select.contains(DeltaQueries.MEMBERS));
    }

    /** The first round lists each group's members too, as Graph does when {@code $select} names them. */
    public boolean listsMembersFirst() {
        return resource == Resource.GROUPS && select.contains(DeltaQueries.MEMBERS);
    }
}
