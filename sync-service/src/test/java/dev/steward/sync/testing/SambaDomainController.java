package dev.steward.sync.testing;

import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.steward.platform.testing.RequiredInCi;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway Samba Active Directory domain controller for one test class: provisioned in a temp directory (realm
 * {@code CORP.EXAMPLE.TEST}, domain {@code CORP}, no DNS, on the loopback interface only, a random administrator
 * password), started in its own process group before the class, killed (the whole group) and deleted after it.
 * Register it as a static {@code @RegisterExtension} field.
 *
 * <p>Samba has to run as root and needs the AD ports on 127.0.0.1 ({@link #PORTS}); without root, without the
 * {@code samba}, {@code samba-tool} and {@code ldbsearch} programs, or with a port taken, the test class is skipped.
 */
public final class SambaDomainController implements BeforeAllCallback, AfterAllCallback {

    public static final String REALM = "CORP.EXAMPLE.TEST";
    public static final String DOMAIN = "CORP";
    public static final String BASE_DN = "DC=corp,DC=example,DC=test";
    public static final String ADMINISTRATOR_DN = "CN=Administrator,CN=Users," + BASE_DN;
    public static final String ADMINISTRATOR_UPN = "Administrator@" + REALM;
    public static final int LDAP_PORT = 389;
    /** TCP ports the DC listens on (LDAP, LDAPS, global catalog, Kerberos, kpasswd, RPC, SMB); 88, 389, 464 also UDP. */
    public static final List<Integer> PORTS = List.of(389, 636, 3268, 3269, 88, 464, 135, 139, 445);
    private static final List<Integer> UDP_PORTS = List.of(88, 389, 464);

    private static final Logger log = LoggerFactory.getLogger(SambaDomainController.class);
    private static final Duration PROVISION_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(45);

    private static final String PASSWORD_FILE = "steward-administrator-password";

    /** For a reusable DC: where it lives (a fixed path, since provision writes absolute paths into smb.conf). */
    private final Path fixedDirectory;
    /** For a reusable DC: the tar it is restored from when it exists, and saved to by {@link #saveSnapshot()}. */
    private final Path snapshot;
    private final boolean mdbBackend;
    private String password = strongPassword();
    private boolean restored;
    private Path sambaProgram;
    private Path directory;
    private Path smbConf;
    private Path privateDir;
    private Process samba;
    private Thread shutdownHook;

    /** A throwaway DC in a temp directory, provisioned with Samba's default backend. */
    public SambaDomainController() {
        this(null, null, false);
    }

    private SambaDomainController(Path fixedDirectory, Path snapshot, boolean mdbBackend) {
        this.fixedDirectory = fixedDirectory;
        this.snapshot = snapshot;
        this.mdbBackend = mdbBackend;
    }

    /**
     * A DC for benchmarks, whose content is kept between runs: provisioned with the MDB backend in {@code directory}
     * (any earlier content there is deleted), or restored there from {@code snapshot} when that tar exists. Loading a
     * large estate takes minutes; load it once, then {@link #saveSnapshot()}. The working directory is deleted after
     * the class like a throwaway DC's; the snapshot stays.
     */
    public static SambaDomainController reusable(Path directory, Path snapshot) {
        return new SambaDomainController(directory.toAbsolutePath(), snapshot.toAbsolutePath(), true);
    }

    /** Whether this DC was restored from its snapshot (so it already holds what was loaded before). */
    public boolean restoredFromSnapshot() {
        return restored;
    }

    /** Stops the DC, saves its directory to the snapshot tar (without logs and sockets), and starts it again. */
    public synchronized void saveSnapshot() throws IOException, InterruptedException {
        if (snapshot == null) {
            throw new IllegalStateException("only a reusable DC has a snapshot");
        }
        stopProcess();
        Path partial = snapshot.resolveSibling(snapshot.getFileName() + ".partial");
        String name = directory.getFileName().toString();
        run(List.of("tar", "--sparse", "-C", directory.getParent().toString(), "--exclude=" + name + "/run",
                "--exclude=" + name + "/log", "--exclude=out-*.log", "-cf", partial.toString(), name),
                Duration.ofMinutes(5));
        Files.move(partial, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        start(sambaProgram);
    }

    /** {@code ldap://127.0.0.1:389} */
    public String url() {
        return "ldap://127.0.0.1:" + LDAP_PORT;
    }

    /** The administrator's password, made for this run. */
    public String password() {
        return password;
    }

    /**
     * The CA certificate Samba generates at its first start for LDAPS (port 636) and StartTLS (its default
     * {@code tls cafile}, under the private directory); the server certificate names {@code dc1.corp.example.test}.
     */
    public Path tlsCaCertificate() {
        return privateDir.resolve("tls/ca.pem");
    }

    /** A new connection bound as the domain's Administrator (by its UPN); close it. */
    public LDAPConnection administratorConnection() throws LDAPException {
        LDAPConnection connection = new LDAPConnection("127.0.0.1", LDAP_PORT);
        try {
            connection.bind(ADMINISTRATOR_UPN, password);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String testClass = context.getRequiredTestClass().getSimpleName();
        assume(isRoot(), testClass + " skipped: the Samba AD tests must run as root (they do in CI)");
        Optional<Path> sambaTool = program("samba-tool");
        Optional<Path> sambaServer = program("samba");
        Optional<Path> ldbsearch = program("ldbsearch");
        assume(sambaTool.isPresent() && sambaServer.isPresent() && ldbsearch.isPresent(), testClass
                + " skipped: the Samba AD tests need samba-tool, samba and ldbsearch, not installed here (Debian: "
                + "apt-get install samba winbind ldb-tools)");
        List<String> taken = takenPorts();
        assume(taken.isEmpty(), testClass + " skipped: the Samba AD tests need the AD ports free on 127.0.0.1, but "
                + taken + " are taken (is another directory server running?)");

        if (fixedDirectory == null) {
            directory = Files.createTempDirectory("steward-samba-").toAbsolutePath();
        } else {
            deleteRecursively(fixedDirectory);
            directory = Files.createDirectories(fixedDirectory);
        }
        shutdownHook = new Thread(this::stop, "stop-samba");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        sambaProgram = sambaServer.get();
        smbConf = directory.resolve("etc/smb.conf");
        if (snapshot != null && Files.isRegularFile(snapshot)) {
            run(List.of("tar", "-C", directory.getParent().toString(), "-xf", snapshot.toString()),
                    Duration.ofMinutes(5));
            password = Files.readString(directory.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).trim();
            restored = true;
            log.info("Samba DC restored from {}", snapshot);
        } else {
            provision(sambaTool.get());
            if (snapshot != null) {
                Files.writeString(directory.resolve(PASSWORD_FILE), password, StandardCharsets.UTF_8);
            }
        }
        configure();
        try {
            start(sambaServer.get());
        } catch (IllegalStateException firstTry) {
            // Seen once right after another test JVM with a running DC was killed: the same start succeeds a moment
            // later. A second failure fails the class.
            log.warn("{}; starting Samba once more in 5 s", firstTry.getMessage());
            stopProcess();
            sleep(Duration.ofSeconds(5));
            start(sambaServer.get());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    /**
     * Samba's own view of objects, read from its database with {@code ldbsearch} (not over LDAP): by each object's
     * {@code sAMAccountName}, the {@code objectGUID} and {@code objectSid} in the text form Samba prints.
     */
    public Map<String, SambaIdentity> identities(String... samAccountNames) throws IOException, InterruptedException {
        StringBuilder filter = new StringBuilder("(|");
        for (String name : samAccountNames) {
            filter.append("(sAMAccountName=").append(name).append(')');
        }
        filter.append(')');
        String output = run(List.of(program("ldbsearch").orElseThrow().toString(),
                "-H", directory.resolve("private/sam.ldb").toString(), "-s", "sub", "-b", BASE_DN,
                filter.toString(), "sAMAccountName", "objectGUID", "objectSid"), Duration.ofSeconds(30));
        Map<String, SambaIdentity> identities = new LinkedHashMap<>();
        for (Map<String, String> record : ldif(output)) {
            if (record.containsKey("dn") && record.containsKey("sAMAccountName")) {
                identities.put(record.get("sAMAccountName"), new SambaIdentity(record.get("dn"),
                        record.get("objectGUID"), record.get("objectSid")));
            }
        }
        return identities;
    }

    /** Skips on a developer's machine, fails in CI: the Samba AD tests must run there. */
    private static void assume(boolean condition, String message) {
        RequiredInCi.require(condition, message);
    }

    // ---- life cycle

    private void provision(Path sambaTool) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(sambaTool.toString(), "domain", "provision",
                "--targetdir=" + directory,
                "--realm=" + REALM,
                "--domain=" + DOMAIN,
                "--server-role=dc",
                "--dns-backend=NONE",
                "--use-rfc2307",
                "--host-name=dc1",
                "--adminpass=" + password,
                "--option=interfaces = lo",
                "--option=bind interfaces only = yes"));
        if (mdbBackend) {
            // LMDB instead of TDB: bulk loads several times faster (with ldb:nosync, below)
            command.add("--backend-store=mdb");
        }
        run(command, PROVISION_TIMEOUT);
    }

    /** Plain simple binds over LDAP, and every file Samba writes under the temp directory. */
    private void configure() throws IOException {
        Map<String, String> provisioned = global(Files.readAllLines(smbConf, StandardCharsets.UTF_8));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ldap server require strong auth", "no");
        // A throwaway DC: no fsync per write (seeding thousands of objects takes seconds, not minutes).
        settings.put("ldb:nosync", "true");
        // Above Linux's ephemeral ports (32768-60999): Samba's default 49152-65535 collided once with a client socket
        // of another build holding 127.0.0.1:49154, and the DC exited.
        settings.put("rpc server dynamic port range", "61000-61999");
        settings.put("log file", directory.resolve("log/log.%m").toString());
        settings.put("pid directory", directory.resolve("run").toString());
        // provision already puts these under the target directory; keep its choice, else set ours
        for (String key : List.of("lock directory", "state directory", "cache directory", "private dir")) {
            String value = provisioned.get(key);
            settings.put(key, value != null && value.startsWith(directory.toString())
                    ? value : directory.resolve(key.split(" ")[0]).toString());
        }
        settings.put("ncalrpc dir", directory.resolve("run/ncalrpc").toString());
        settings.put("winbindd socket directory", directory.resolve("run/winbindd").toString());
        settings.put("ntp signd socket directory", directory.resolve("run/ntp_signd").toString());
        Files.createDirectories(directory.resolve("log"));
        Files.createDirectories(directory.resolve("run"));
        for (String key : List.of("lock directory", "state directory", "cache directory", "private dir")) {
            Files.createDirectories(Path.of(settings.get(key)));
        }
        privateDir = Path.of(settings.get("private dir"));
        List<String> lines = new ArrayList<>();
        boolean inGlobal = false;
        for (String line : Files.readAllLines(smbConf, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) {
                inGlobal = trimmed.equalsIgnoreCase("[global]");
                lines.add(line);
                if (inGlobal) {
                    settings.forEach((key, value) -> lines.add("\t" + key + " = " + value));
                }
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (inGlobal && equals > 0
                    && settings.containsKey(trimmed.substring(0, equals).trim().toLowerCase(Locale.ROOT))) {
                continue; // replaced above
            }
            lines.add(line);
        }
        Files.write(smbConf, lines, StandardCharsets.UTF_8);
    }

    /** The {@code [global]} settings of an smb.conf, keys lower-cased. */
    private static Map<String, String> global(List<String> lines) {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean inGlobal = false;
        for (String line : lines) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("[")) {
                inGlobal = trimmed.equalsIgnoreCase("[global]");
            } else if (inGlobal && equals > 0) {
                settings.put(trimmed.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                        trimmed.substring(equals + 1).trim());
            }
        }
        return settings;
    }

    private void start(Path sambaServer) throws IOException {
        // setsid: its own session and process group (the JVM's child is not a group leader, so setsid does not
        // fork and the process we hold is the group leader), so that stopping kills every Samba process.
        // --log-basename: the samba process opens its log before it reads smb.conf (the smbd and winbindd it starts
        // still create empty log files in the compiled-in log directory).
        samba = new ProcessBuilder("setsid", sambaServer.toString(), "-s", smbConf.toString(), "-F",
                "--log-basename=" + directory.resolve("log"))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("log/samba.out").toFile())
                .start();
        try {
            await("Samba answering LDAP on " + url()).atMost(START_TIMEOUT).pollDelay(Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("Samba exited while starting; see " + directory.resolve("log"), () -> !samba.isAlive())
                    .until(() -> {
                        try (LDAPConnection connection = administratorConnection()) {
                            return connection.getRootDSE() != null;
                        }
                    });
        } catch (RuntimeException e) {
            throw new IllegalStateException("Samba did not start: " + e.getMessage() + "\n" + tail("log/samba.out")
                    + "\n" + tail("log/log.samba"), e);
        }
    }

    private synchronized void stop() {
        stopProcess();
        if (directory != null) {
            deleteRecursively(directory);
            directory = null;
        }
    }

    private synchronized void stopProcess() {
        if (samba != null) {
            List<ProcessHandle> processes = Stream.concat(Stream.of(samba.toHandle()), samba.descendants()).toList();
            signalGroup("TERM");
            if (!exited(processes, Duration.ofSeconds(10))) {
                signalGroup("KILL");
                exited(processes, Duration.ofSeconds(5));
            }
            samba = null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signalGroup(String signal) {
        try {
            // The group id is the leader's pid; "kill -SIG -- -pgid" signals every process in the group.
            new ProcessBuilder("kill", "-" + signal, "--", "-" + samba.pid()).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean exited(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    // ---- helpers

    /** Runs a program to its end and returns its output; fails with the output's tail when it fails. */
    private String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "out-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException(command.get(0) + " " + command.get(1) + " did not finish in " + timeout);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " " + command.get(1) + " failed with exit code "
                    + process.exitValue() + ":\n" + lastLines(text, 30));
        }
        return text;
    }

    /** Records of LDIF text as attribute -> first value; folded lines are joined, comments and referrals skipped. */
    static List<Map<String, String>> ldif(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(" ") && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> record = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!record.isEmpty()) {
                    records.add(record);
                    record = new LinkedHashMap<>();
                }
            } else if (!line.startsWith("#")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    record.putIfAbsent(line.substring(0, colon), line.substring(colon + 2).trim());
                }
            }
        }
        if (!record.isEmpty()) {
            records.add(record);
        }
        return records;
    }

    private String tail(String file) {
        try {
            return lastLines(Files.readString(directory.resolve(file), StandardCharsets.UTF_8), 30);
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    private static String lastLines(String text, int count) {
        String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - count), lines.length));
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return id.waitFor(5, TimeUnit.SECONDS) && "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The program on the PATH or in the usual sbin directories (root's tools are not always on a CI PATH). */
    private static Optional<Path> program(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private static List<String> takenPorts() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<String> taken = new ArrayList<>();
        for (int port : PORTS) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(loopback, port));
            } catch (IOException e) {
                taken.add(port + "/tcp");
            }
        }
        for (int port : UDP_PORTS) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                socket.getLocalPort();
            } catch (IOException e) {
                taken.add(port + "/udp");
            }
        }
        return taken;
    }

    /** Upper and lower case letters, digits and a symbol: meets Samba's default password complexity. */
    private static String strongPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder("St-");
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("-9a").toString();
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    /**
     * One object as Samba itself prints it.
     *
     * @param objectGuid the GUID text ({@code xxxxxxxx-xxxx-...}, Windows' order)
     * @param objectSid  {@code S-1-5-21-...}
     */
    public record SambaIdentity(String distinguishedName, String objectGuid, String objectSid) {
    }
}
