package dev.steward.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The database lease on PostgreSQL and on H2 (the local stack's database): taking, renewing, expiry, release, lock. */
public class DatabaseLeasesIT {

    /** As in the services' Flyway scripts (platform/README.md). */
    public static final String LEASE_TABLE = """
            CREATE TABLE steward_lease (
                name       VARCHAR(100)             NOT NULL PRIMARY KEY,
                holder     VARCHAR(200),
                expires_at TIMESTAMP WITH TIME ZONE NOT NULL)""";

    private static final Duration LEASE = Duration.ofSeconds(10);

    static Stream<String> databases() {
        return Stream.of("postgresql", "h2");
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @ParameterizedTest
    @MethodSource("databases")
    void oneHolderAtATimeUntilItExpiresOrIsReleased(String database) {
        DatabaseLeases leases = new DatabaseLeases(jdbc(database), clock);

        assertThat(leases.acquire("job", "a", LEASE)).as("free: a takes it").isTrue();
        assertThat(leases.acquire("job", "b", LEASE)).as("held by a").isFalse();
        assertThat(leases.acquire("other-job", "b", LEASE)).as("leases are independent").isTrue();
        assertThat(leases.holder("job")).contains("a");

        clock.advance(Duration.ofSeconds(8));
        assertThat(leases.acquire("job", "a", LEASE)).as("a extends its own lease").isTrue();
        clock.advance(Duration.ofSeconds(8));
        assertThat(leases.acquire("job", "b", LEASE)).as("16 s after a took it, 8 s after it extended it").isFalse();

        clock.advance(Duration.ofSeconds(3));
        assertThat(leases.holder("job")).isEmpty();
        assertThat(leases.acquire("job", "b", LEASE)).as("a stopped renewing: expired, b takes it").isTrue();
        assertThat(leases.renew("job", "a", LEASE)).as("a lost it").isFalse();
        assertThat(leases.acquire("job", "a", LEASE)).isFalse();

        leases.release("job", "a");
        assertThat(leases.holder("job")).as("only the holder releases").contains("b");
        leases.release("job", "b");
        assertThat(leases.acquire("job", "a", LEASE)).as("released: taken at once").isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leadershipIsHeldOnlyAfterASuccessfulHoldAndUntilItsLeaseRunsOut(String database) {
        DatabaseLeases leases = new DatabaseLeases(jdbc(database), clock);
        Leadership first = new Leadership(leases, "relay", "first", LEASE, clock);
        Leadership second = new Leadership(leases, "relay", "second", LEASE, clock);

        assertThat(first.held()).isFalse();
        assertThat(first.hold()).isTrue();
        assertThat(second.hold()).isFalse();
        assertThat(first.held()).isTrue();
        assertThat(second.held()).isFalse();

        clock.advance(LEASE.plusSeconds(1));
        assertThat(first.held()).as("not renewed for longer than the lease").isFalse();
        assertThat(second.hold()).isTrue();
        assertThat(first.hold()).isFalse();

        second.release();
        assertThat(second.held()).isFalse();
        assertThat(first.hold()).isTrue();
    }

    /** Two instances creating the same lease row at once, and a lock that serialises two transactions. */
    @ParameterizedTest
    @MethodSource("databases")
    void lockSerialisesTransactionsOfTwoInstances(String database) throws Exception {
        DataSource dataSource = dataSource(database);
        DatabaseLeases one = new DatabaseLeases(new JdbcTemplate(dataSource), clock);
        DatabaseLeases two = new DatabaseLeases(new JdbcTemplate(dataSource), clock);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> tx.executeWithoutResult(status -> {
            one.lock("queue");
            firstLocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(firstLocked.await(10, TimeUnit.SECONDS)).isTrue();

        long[] lockedAfter = new long[1];
        Thread waiter = new Thread(() -> tx.executeWithoutResult(status -> {
            long start = System.nanoTime();
            two.lock("queue");
            lockedAfter[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }));
        waiter.start();
        Thread.sleep(500);
        release.countDown();
        holder.join(10_000);
        waiter.join(10_000);

        assertThat(lockedAfter[0]).as("the second lock waited for the first transaction").isGreaterThanOrEqualTo(400);
    }

    private JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(dataSource(database));
    }

    private DataSource dataSource(String database) {
        DriverManagerDataSource dataSource;
        if (database.equals("h2")) {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:lease-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        } else {
            TestDatabase test = TestDatabase.freshSchemaIn("steward_platform");
            new JdbcTemplate(new DriverManagerDataSource(TestDatabase.SERVER + "steward_platform", TestDatabase.USER, ""))
                    .execute("CREATE SCHEMA " + test.schema());
            dataSource = new DriverManagerDataSource(test.url(), TestDatabase.USER, "");
        }
        new JdbcTemplate(dataSource).execute(LEASE_TABLE);
        return dataSource;
    }
}
