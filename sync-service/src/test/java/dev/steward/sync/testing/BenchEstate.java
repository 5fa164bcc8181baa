package dev.steward.sync.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The generated AD estate of the Samba benchmarks ({@code bench/sync.sh}): {@code users} disabled users with a UPN in
 * {@code OU=BenchUsers} and {@code groups} global security groups of {@code groupSize} users each in
 * {@code OU=BenchGroups}, added over LDAP by {@code writers} parallel connections into a DC with the MDB backend and
 * {@code ldb:nosync}, then kept as a tar under {@code /tmp} keyed by the sizes and restored by later runs of the same
 * size ({@link SambaDomainController#reusable}). Every benchmark that needs a large directory builds it here.
 *
 * <p>Use it in two steps: {@link #domainController()} for the class's {@code @RegisterExtension} field (the DC, restored
 * from the snapshot when there is one), then {@link #loadInto} in {@code @BeforeAll}.
 */
public final class BenchEstate {

    public static final String USERS_OU = "OU=BenchUsers," + SambaDomainController.BASE_DN;
    public static final String GROUPS_OU = "OU=BenchGroups," + SambaDomainController.BASE_DN;
    /** Where every benchmark DC lives (provision writes absolute paths into smb.conf: a snapshot is restored here). */
    private static final Path DIRECTORY = Path.of("/tmp/steward-sync-bench-samba");

    private final int users;
    private final int groups;
    private final int groupSize;
    private final int writers;

    public BenchEstate(int users, int groups, int groupSize, int writers) {
        if (users < 1 || groups < 0 || groupSize < 0 || writers < 1) {
            throw new IllegalArgumentException("an estate needs users and writers, and no negative sizes");
        }
        this.users = users;
        this.groups = groups;
        this.groupSize = groupSize;
        this.writers = writers;
    }

    public int users() {
        return users;
    }

    public int groups() {
        return groups;
    }

    public int groupSize() {
        return groupSize;
    }

    /** The sizes, as the snapshot is named: {@code 10000u-2000g-50m}. */
    public String key() {
        return users + "u-" + groups + "g-" + groupSize + "m";
    }

    public Path snapshot() {
        return Path.of("/tmp/steward-sync-bench-" + key() + ".tar");
    }

    /** The DC of this estate: restored from its snapshot when it exists, else provisioned empty (then {@link #loadInto}). */
    public SambaDomainController domainController() {
        return SambaDomainController.reusable(DIRECTORY, snapshot());
    }

    /**
     * Loads the estate into {@code samba} and saves its snapshot, unless it was restored from that snapshot.
     *
     * @return how the estate came to be, for a benchmark's result file
     */
    public String loadInto(SambaDomainController samba) throws Exception {
        if (samba.restoredFromSnapshot()) {
            return "restored from the snapshot " + snapshot();
        }
        long started = System.nanoTime();
        try (LDAPConnection ldap = samba.administratorConnection()) {
            ldap.add(new Entry(USERS_OU, new Attribute("objectClass", "top", "organizationalUnit")));
            ldap.add(new Entry(GROUPS_OU, new Attribute("objectClass", "top", "organizationalUnit")));
        }
        addInParallel(samba, users, this::user);
        double usersSeconds = seconds(started);
        addInParallel(samba, groups, this::group);
        double loadSeconds = seconds(started);
        samba.saveSnapshot();
        return String.format(Locale.ROOT, "loaded in this run by %d LDAP writers: %.1f s (users %.1f s), MDB backend, "
                + "ldb:nosync; saved to %s in %.1f s", writers, loadSeconds, usersSeconds, snapshot(),
                seconds(started) - loadSeconds);
    }

    public static String userDn(int index) {
        return String.format(Locale.ROOT, "CN=bench-u%06d,%s", index, USERS_OU);
    }

    public static String groupDn(int index) {
        return String.format(Locale.ROOT, "CN=bench-g%05d,%s", index, GROUPS_OU);
    }

    /** A disabled user (Samba takes a password only over an encrypted connection). */
    private Entry user(int index) {
        String name = String.format(Locale.ROOT, "bench-u%06d", index);
        return new Entry(userDn(index), new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", name), new Attribute("userPrincipalName", name + "@corp.example.test"),
                new Attribute("displayName", "Bench User " + index), new Attribute("userAccountControl", "514"));
    }

    /** A global security group of {@code groupSize} users, consecutive from its own offset. */
    private Entry group(int index) {
        List<String> members = IntStream.range(0, groupSize).mapToObj(k -> userDn((index * groupSize + k) % users))
                .distinct().toList();
        List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", String.format(Locale.ROOT, "bench-g%05d", index)),
                new Attribute("groupType", "-2147483646")));
        if (!members.isEmpty()) {
            attributes.add(new Attribute("member", members));
        }
        return new Entry(groupDn(index), attributes);
    }

    private void addInParallel(SambaDomainController samba, int count, IntFunction<Entry> entry) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int first = writer;
                done.add(pool.submit(() -> {
                    try (LDAPConnection ldap = samba.administratorConnection()) {
                        for (int index = first; index < count; index += writers) {
                            ldap.add(entry.apply(index));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
