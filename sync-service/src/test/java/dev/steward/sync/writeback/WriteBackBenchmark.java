package dev.steward.sync.writeback;

import static dev.steward.sync.testing.BenchResults.seconds;
import static dev.steward.sync.writeback.WriteBackFixtures.cloudGroup;
import static dev.steward.sync.writeback.WriteBackFixtures.created;
import static dev.steward.sync.writeback.WriteBackFixtures.membersAdded;
import static dev.steward.sync.writeback.WriteBackFixtures.membersRemoved;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestKafka;
import dev.steward.sync.ldap.AdGuids;
import dev.steward.sync.testing.BenchEstate;
import dev.steward.sync.testing.BenchResults;
import dev.steward.sync.testing.SambaDomainController;
import dev.steward.sync.testing.SambaSyncService;
import dev.steward.sync.testing.TestServiceTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 7's write-back figures against a Samba AD DC: a new cloud group of {@code bench.writeback.members} (60,000)
 * members written back to AD, then one member change to it (a removal, then an addition), each next to the raw
 * LDAP writes of the same {@code member} values measured in the same run (plain modifies of
 * {@code bench.writeback.chunk} values each, into a group made for it). Not part of {@code ./mvnw verify}: run it with
 * {@code bench/sync.sh writeback} (profile {@code bench}); results go to {@code bench/results/writeback-<time>.md}.
 * <p>
 * The members are the users of a {@link BenchEstate} of that many users and no groups (loaded once, kept as a tar,
 * as {@code SyncBenchmark}'s estate). The sync engine's connector space gets their rows as a cycle would leave them
 * (from a paged read of their objectGUIDs); the directory's events (one {@code GroupCreated}, then
 * {@code MembersAdded} of 1,000 members each) arrive over Kafka and are consumed before the write-back run is timed.
 */
@SpringBootTest
@Import(TestServiceTokens.class)
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteBackBenchmark {

    private static final int MEMBERS = Integer.getInteger("bench.writeback.members", 60_000);
    private static final int CHUNK = Integer.getInteger("bench.writeback.chunk", 5_000);
    private static final int WRITERS = Integer.getInteger("bench.writers", 4);
    private static final int PAGE_SIZE = 1_000;
    private static final int EVENT_MEMBERS = 1_000;
    private static final Pattern RANGE = Pattern.compile("(?i)^member;range=(\\d+)-(\\d+|\\*)$");

    private static final BenchEstate ESTATE = new BenchEstate(MEMBERS, 0, 0, WRITERS);
    private static final String CLOUD_OU = "OU=Cloud Groups," + SambaDomainController.BASE_DN;

    @RegisterExtension
    static final SambaDomainController SAMBA = ESTATE.domainController();

    private static final List<String> REPORT = new ArrayList<>();
    private static final String LOAD_AT_START = BenchResults.loadAverage();
    private static String estateNote;
    private static final List<String> anchors = new ArrayList<>();
    private static final List<String> dns = new ArrayList<>();
    private static double rawWriteSeconds;
    private static double rawOneChangeSeconds;
    private static double rawMemberReadSeconds;
    private static String groupId;
    private static final WriteBackFeed FEED = new WriteBackFeed(Duration.ofMinutes(5));

    @Autowired
    WriteBackRunner runner;
    @Autowired
    WriteBackStore store;
    @Autowired
    AdGroupWriter writer;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TestKafka testKafka;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SambaSyncService.register(registry, SAMBA);
        WriteBackFeed.register(registry, CLOUD_OU);
        registry.add("steward.sync.writeback.member-chunk-size", () -> Integer.toString(CHUNK));
    }

    @BeforeEach
    void connectFeed() {
        FEED.connect(testKafka, store);
    }

    @BeforeAll
    static void loadEstate() throws Exception {
        estateNote = ESTATE.loadInto(SAMBA);
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ldap.add(new Entry(CLOUD_OU, new Attribute("objectClass", "top", "organizationalUnit")));
        }
    }

    @AfterAll
    static void close() {
        FEED.close();
    }

    /** The members' objectGUIDs (a paged read) and their connector-space rows, as the sync engine's cycles leave them. */
    @Test
    @Order(1)
    void connectorSpaceOfTheMembers() throws Exception {
        long started = System.nanoTime();
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(BenchEstate.USERS_OU, SearchScope.ONE,
                        Filter.createEqualityFilter("objectClass", "user"), "objectGUID");
                request.setControls(new Control[] {new SimplePagedResultsControl(PAGE_SIZE, cookie)});
                SearchResult result = ldap.search(request);
                for (SearchResultEntry entry : result.getSearchEntries()) {
                    anchors.add(AdGuids.toCanonical(entry.getAttributeValueBytes("objectGUID")));
                    dns.add(entry.getDN());
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
            } while (cookie != null);
        }
        double readSeconds = seconds(started);
        assertThat(anchors).hasSize(MEMBERS);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < anchors.size(); i++) {
            rows.add(new Object[] {anchors.get(i), DirectoryIds.fromAnchor(anchors.get(i)), "user", dns.get(i),
                    "member " + i});
        }
        jdbcTemplate.batchUpdate("INSERT INTO connector_space (anchor, cloud_id, object_type, distinguished_name, "
                + "display_name, block_on_premises_sync, pending_takeover, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, "
                + "FALSE, CURRENT_TIMESTAMP)", rows);
        // as autovacuum would after such a load in production (these machines run PostgreSQL without it)
        jdbcTemplate.execute("ANALYZE connector_space");
        REPORT.add(String.format(Locale.ROOT, "| paged LDAP read of the %d members' objectGUIDs (page %d) | %.2f s | | "
                + "| their connector-space rows inserted and analyzed after it |", MEMBERS, PAGE_SIZE, readSeconds));
    }

    /**
     * The baseline: the same {@code member} values written with plain LDAP modifies of {@value #CHUNK} values into a
     * new group, read back by ranges, then one value removed.
     */
    @Test
    @Order(2)
    void rawLdapWritesOfTheSameMemberValues() throws Exception {
        String dn = "CN=bench-raw-writes," + BenchEstate.GROUPS_OU;
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ldap.add(new Entry(dn, new Attribute("objectClass", "top", "group"),
                    new Attribute("groupType", "-2147483640")));
            long started = System.nanoTime();
            for (int from = 0; from < dns.size(); from += CHUNK) {
                List<String> part = dns.subList(from, Math.min(dns.size(), from + CHUNK));
                ldap.modify(dn, new Modification(ModificationType.ADD, "member", part.toArray(String[]::new)));
            }
            rawWriteSeconds = seconds(started);
            started = System.nanoTime();
            assertThat(countMembers(ldap, dn)).isEqualTo(MEMBERS);
            rawMemberReadSeconds = seconds(started);
            started = System.nanoTime();
            ldap.modify(dn, new Modification(ModificationType.DELETE, "member", dns.get(0)));
            rawOneChangeSeconds = seconds(started);
        }
        REPORT.add(String.format(Locale.ROOT, "| raw: %d `member` values added by plain LDAP modifies of %d values | "
                        + "%.2f s | | 1 | %.0f values/s |", MEMBERS, CHUNK, rawWriteSeconds, MEMBERS / rawWriteSeconds));
        REPORT.add(String.format(Locale.ROOT, "| raw: the %d values read back by ranged retrieval | %.2f s | | | |",
                MEMBERS, rawMemberReadSeconds));
        REPORT.add(String.format(Locale.ROOT, "| raw: one value removed by a plain LDAP modify | %.0f ms | | 1 | |",
                rawOneChangeSeconds * 1000));
    }

    @Test
    @Order(3)
    void writeBackOfANewLargeCloudGroup() throws Exception {
        groupId = UUID.randomUUID().toString();
        List<ContractMessage> events = new ArrayList<>();
        events.add(created(cloudGroup(groupId, "Bench Large", "written back by the benchmark")));
        for (int from = 0; from < anchors.size(); from += EVENT_MEMBERS) {
            events.add(membersAdded(groupId, anchors.subList(from, Math.min(anchors.size(), from + EVENT_MEMBERS))
                    .stream().map(WriteBackFixtures::user).toArray(DirectoryObjectRef[]::new)));
        }
        long consumeStarted = System.nanoTime();
        FEED.publish(events);
        double consumeSeconds = seconds(consumeStarted);

        long started = System.nanoTime();
        WriteBackRunner.RunResult result = runner.run();
        double writeSeconds = seconds(started);

        assertThat(result.written()).as(store.find(groupId).toString()).isEqualTo(1);
        assertThat(adMembers()).isEqualTo(MEMBERS);
        REPORT.add(String.format(Locale.ROOT, "| write-back of a new %d-member cloud group to AD (one run: group "
                        + "created, members in modifies of %d values, baseline recorded) | %.2f s | raw writes %.2f s | "
                        + "%.2fx | issue 7: its time; %.0f members/s; the %d directory events (GroupCreated, "
                        + "MembersAdded of %d) were consumed into write-back's tables in %.2f s before the run |",
                MEMBERS, CHUNK, writeSeconds, rawWriteSeconds, writeSeconds / rawWriteSeconds, MEMBERS / writeSeconds,
                events.size(), EVENT_MEMBERS, consumeSeconds));
    }

    @Test
    @Order(4)
    void writeBackOfOneMemberChangeToIt() throws Exception {
        FEED.publish(List.of(membersRemoved(groupId, WriteBackFixtures.user(anchors.get(0)))));
        long started = System.nanoTime();
        assertThat(runner.run().written()).isEqualTo(1);
        double removeSeconds = seconds(started);
        assertThat(adMembers()).isEqualTo(MEMBERS - 1);

        FEED.publish(List.of(membersAdded(groupId, WriteBackFixtures.user(anchors.get(0)))));
        started = System.nanoTime();
        assertThat(runner.run().written()).isEqualTo(1);
        double addSeconds = seconds(started);
        assertThat(adMembers()).isEqualTo(MEMBERS);

        for (String change : List.of("removed", "added")) {
            double took = change.equals("removed") ? removeSeconds : addSeconds;
            REPORT.add(String.format(Locale.ROOT, "| write-back of one member %s in the cloud to that %d-member group "
                            + "| %.0f ms | raw one-value modify %.0f ms | %.0fx | issue 7: its time; the run reads the "
                            + "group's %d AD values (raw ranged read %.2f s), compares them with the cloud's and the "
                            + "last write's, and sends one modify |", change, MEMBERS, took * 1000,
                    rawOneChangeSeconds * 1000, took / rawOneChangeSeconds, MEMBERS, rawMemberReadSeconds));
        }
    }

    @Test
    @Order(5)
    void writeReport() throws Exception {
        assertThat(REPORT).as("a figure of every measurement (a failed one leaves no result file)").hasSize(7);
        BenchResults.write("writeback", "sync-service write-back benchmark, " + Instant.now() + ": a " + MEMBERS
                + "-member cloud group written back to AD", List.of(
                "Command: `bench/sync.sh writeback -Dbench.writeback.members=" + MEMBERS + " -Dbench.writeback.chunk="
                        + CHUNK + "` (`flock /tmp/samba.lock ./mvnw -B -ntp -pl contracts,platform,sync-service verify "
                        + "-Pbench -Dit.test=WriteBackBenchmark ...`), machine: " + BenchResults.machine() + ".",
                "Samba AD DC on 127.0.0.1 (MDB backend, `ldb:nosync`), estate of " + MEMBERS + " users "
                        + estateNote + ". Write-back (`steward.sync.writeback.member-chunk-size=" + CHUNK + "`) against "
                        + "PostgreSQL, the directory's events on an in-JVM KRaft broker. Load average (`uptime`) at "
                        + "the start of the run: " + LOAD_AT_START + "; at the end: " + BenchResults.loadAverage()
                        + "."), REPORT);
    }

    // ---- helpers



    /** The member values of the AD group written back for {@link #groupId}, counted with plain ranged reads. */
    private int adMembers() throws LDAPException {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String anchorAttribute = writer.anchorAttribute(ldap);
            List<SearchResultEntry> found = ldap.search(new SearchRequest(SambaDomainController.BASE_DN,
                    SearchScope.SUB, Filter.createEqualityFilter(anchorAttribute, WriteBackNames.anchor(groupId)),
                    "objectGUID")).getSearchEntries();
            assertThat(found).hasSize(1);
            return countMembers(ldap, found.get(0).getDN());
        }
    }

    /** {@code member} of a group read whole: AD returns at most its value limit per answer, then ranges. */
    private static int countMembers(LDAPConnection ldap, String dn) throws LDAPException {
        int count = 0;
        String next = "member";
        while (next != null) {
            SearchResultEntry entry = ldap.getEntry(dn, next);
            next = null;
            for (Attribute attribute : entry.getAttributes()) {
                Matcher range = RANGE.matcher(attribute.getName());
                if (attribute.getName().equalsIgnoreCase("member")) {
                    count += attribute.size();
                } else if (range.matches()) {
                    count += attribute.size();
                    if (!range.group(2).equals("*")) {
                        next = "member;range=" + (Long.parseLong(range.group(2)) + 1) + "-*";
                    }
                }
            }
        }
        return count;
    }
}
