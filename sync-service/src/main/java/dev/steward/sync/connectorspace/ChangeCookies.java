package dev.steward.sync.connectorspace;

import dev.steward.sync.cycle.CycleStatus;
import dev.steward.sync.ldap.ChangeCookie;
import dev.steward.sync.support.SqlTime;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change-tracking cookie stored with each cycle (table {@code change_cookie}). */
@Repository
public class ChangeCookies {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ChangeCookies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the cookie the cycle ended with (once; a second call replaces it). */
    public void record(String cycleId, ChangeCookie cookie) {
        jdbc.sql("DELETE FROM change_cookie WHERE cycle_id = ?").param(cycleId).update();
        jdbc.sql("INSERT INTO change_cookie (cycle_id, mechanism, source, cookie, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(cycleId, cookie.mechanism(), cookie.source(), cookie.value(), SqlTime.of(clock.instant()))
                .update();
    }

    /** The cookie of the newest cycle that succeeded and stored one. */
    public Optional<ChangeCookie> latestSucceeded() {
        return jdbc.sql("SELECT c.mechanism, c.source, c.cookie FROM change_cookie c JOIN sync_cycle s ON s.id = c.cycle_id "
                        + "WHERE s.status = ? ORDER BY s.seq DESC LIMIT 1")
                .param(CycleStatus.SUCCEEDED.wireName())
                .query((rs, row) -> new ChangeCookie(rs.getString("mechanism"), rs.getString("source"), rs.getString("cookie")))
                .optional();
    }

    public Optional<ChangeCookie> of(String cycleId) {
        return jdbc.sql("SELECT mechanism, source, cookie FROM change_cookie WHERE cycle_id = ?").param(cycleId)
                .query((rs, row) -> new ChangeCookie(rs.getString("mechanism"), rs.getString("source"), rs.getString("cookie")))
                .optional();
    }
}
