package dev.steward.directory.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.history.DeltaCursor.Phase;
import dev.steward.directory.history.DeltaCursor.Resource;
import dev.steward.platform.web.GraphPage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeltaTokensTest {

    private static final String GROUP = "6f1c7a52-3e0b-4b7e-9a2d-51c2e8f0a001";
    private static final String MEMBER = "0b2d4f61-8c3a-4e5f-a7b9-c1d2e3f4a5b6";

    private final DeltaTokens tokens = new DeltaTokens("test-key");

    @Test
    void roundTripsACursorOfEveryPhase() {
        List<DeltaCursor> cursors = List.of(
                DeltaCursor.initial(Resource.GROUPS, 42, 100, List.of("displayName", "members")),
                DeltaCursor.initial(Resource.GROUPS, 42, 5, List.of()).nextInitialPage(GROUP, MEMBER),
                DeltaCursor.initial(Resource.USERS, 7, 999, List.of()).changesAfter(3, 7),
                DeltaCursor.delta(Resource.USERS, 123_456_789_012L, 1, List.of("userPrincipalName")));

        for (DeltaCursor cursor : cursors) {
            assertThat(tokens.decode(tokens.encode(cursor), cursor.resource(), EnumSet.allOf(Phase.class)))
                    .isEqualTo(cursor);
        }
    }

    @Test
    void writesTokensThatNeedNoEscapingInAUrl() {
        String token = tokens.encode(DeltaCursor.initial(Resource.GROUPS, 42, 100, List.of("displayName", "members"))
                .nextInitialPage(GROUP, MEMBER));

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String foreign = new DeltaTokens("another-key").encode(DeltaCursor.delta(Resource.GROUPS, 1, 100, List.of()));

        assertRefused(foreign, Resource.GROUPS, Set.of(Phase.DELTA));
    }

    @Test
    void refusesATokenWhoseCursorWasAltered() {
        String token = tokens.encode(DeltaCursor.delta(Resource.GROUPS, 1, 100, List.of()));
        String signature = token.substring(token.indexOf('.'));
        String moved = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1|g|d|0|0|100|||".getBytes(StandardCharsets.UTF_8));

        assertRefused(moved + signature, Resource.GROUPS, Set.of(Phase.DELTA));
        assertRefused(token.substring(0, token.length() - 2), Resource.GROUPS, Set.of(Phase.DELTA));
    }

    @Test
    void refusesATokenOfTheOtherCollection() {
        String usersToken = tokens.encode(DeltaCursor.delta(Resource.USERS, 1, 100, List.of()));

        assertRefused(usersToken, Resource.GROUPS, Set.of(Phase.DELTA));
    }

    @Test
    void refusesASkipTokenGivenAsADeltaToken() {
        String skipToken = tokens.encode(DeltaCursor.initial(Resource.GROUPS, 1, 100, List.of()).changesAfter(0, 1));

        assertRefused(skipToken, Resource.GROUPS, Set.of(Phase.DELTA));
    }

    @Test
    void refusesTextThatIsNotOneOfItsTokens() {
        for (String garbage : List.of("", "latest", "abc", "a.b.c", "....", "%%%.###", GraphPage.skipToken(GROUP),
                "x".repeat(5000), Base64.getUrlEncoder().encodeToString(new byte[] {1, 2, 3}) + ".AAAA")) {
            assertRefused(garbage, Resource.GROUPS, EnumSet.allOf(Phase.class));
        }
    }

    private void assertRefused(String token, Resource resource, Set<Phase> phases) {
        assertThatThrownBy(() -> tokens.decode(token, resource, phases))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code()).isEqualTo(DirectoryErrorCode.BAD_REQUEST));
    }
}
