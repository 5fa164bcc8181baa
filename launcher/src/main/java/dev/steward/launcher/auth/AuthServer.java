package dev.steward.launcher.auth;

import dev.steward.launcher.LauncherException;
import dev.steward.launcher.process.ChildProcess;
import dev.steward.launcher.service.HealthProbe;
import dev.steward.launcher.service.FootprintOptions;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's authorization server (module {@code auth-server}) as a child process on 127.0.0.1: it issues the
 * services' tokens (client credentials) and the users' tokens ({@code ./steward token}, authorization code + PKCE).
 * Its URL is the issuer every service trusts; it is written to {@code run/auth-server.url} for {@code ./steward token}.
 */
public final class AuthServer implements AutoCloseable {

    public static final String MODULE = "auth-server";
    public static final String AUDIENCE = DevTokens.AUDIENCE;
    /** The sync engine's app identity (SEED.md): its client id at the authorization server. */
    public static final String SYNC_APP_ID = "a0000000-0000-4000-8000-0000000000a1";
    public static final String SYNC_APP_NAME = "Steward Sync";
    /**
     * Exports to the directory, reading its groups (which are cloud-managed) to reconcile the blocks, and assigning the
     * licences synced from AD ({@code AssignLicense}, when {@code steward.sync.licences.attribute} is set).
     */
    public static final List<String> SYNC_ROLES = List.of(Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL,
            Permissions.GROUP_READ_ALL, Permissions.LICENSE_ASSIGNMENT_READWRITE_ALL);
    /** Self-service's app identity: it adds and removes the members My Groups decided on (AddMembers, RemoveMembers). */
    public static final String SELFSERVICE_APP_ID = "a0000000-0000-4000-8000-0000000000a2";
    public static final String SELFSERVICE_APP_NAME = "Steward Self-service";
    public static final List<String> SELFSERVICE_ROLES = List.of(Permissions.GROUP_MEMBER_READWRITE_ALL);
    /** The public client of {@code ./steward token}; nothing listens at its redirect URI. */
    public static final String CLI_APP_ID = DevTokens.CLI_APP_ID;
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1/steward-cli/callback";
    public static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofMinutes(10);
    public static final Duration MAX_USER_TOKEN_LIFETIME = Duration.ofDays(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChildProcess process;
    private final String url;

    private AuthServer(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /** {@code <repo>/auth-server/target/auth-server.jar}. */
    public static Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(MODULE).resolve("target").resolve(MODULE + ".jar");
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts the server; the sync engine's client (with its secret) goes in {@code SPRING_APPLICATION_JSON}, never on
     * the command line.
     */
    public static AuthServer start(Path jar, int port, String syncClientSecret, StackLayout layout,
                                  List<String> javaOptions) {
        return start(jar, port, syncClientSecret, null, layout, javaOptions);
    }

    /** As above, and registers self-service's client when {@code selfServiceClientSecret} is given. */
    public static AuthServer start(Path jar, int port, String syncClientSecret, String selfServiceClientSecret,
                                  StackLayout layout, List<String> javaOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(MODULE + " is not built: " + jar + " is missing. Build it with "
                    + "./mvnw -B -q -DskipTests package (./steward up does so when needed).");
        }
        String url = url(port);
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(FootprintOptions.options());
        command.addAll(javaOptions);
        command.add(layout.marker());
        command.add("-jar");
        command.add(jar.toString());
        properties(port, layout).forEach((name, value) -> command.add("--" + name + "=" + value));
        Map<String, String> environment = new HashMap<>();
        environment.put("MALLOC_ARENA_MAX", "2");
        environment.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(clients(syncClientSecret,
                selfServiceClientSecret)));
        ChildProcess process = ChildProcess.start(MODULE, command, environment, layout.root(), layout.log(MODULE));
        writeUrl(layout, url);
        return new AuthServer(process, url);
    }

    /** What the server is told on its command line (no secrets). */
    public static Map<String, String> properties(int port, StackLayout layout) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("server.address", "127.0.0.1");
        properties.put("steward.auth.issuer", url(port));
        properties.put("steward.auth.audience", AUDIENCE);
        properties.put("steward.auth.service-token-lifetime", SERVICE_TOKEN_LIFETIME.toString());
        properties.put("steward.auth.max-user-token-lifetime", MAX_USER_TOKEN_LIFETIME.toString());
        properties.put("steward.auth.users-file", StackUsers.file(layout).toString());
        properties.put("steward.auth.development-overrides", "true");
        properties.put("steward.auth.cli.id", CLI_APP_ID);
        properties.put("steward.auth.cli.redirect-uri", CLI_REDIRECT_URI);
        properties.put("steward.auth.cli.scopes", String.join(",", delegatedPermissions()));
        return properties;
    }

    /**
     * The registered services, in the environment because of the secret (Spring binds a list from one property
     * source, so the whole entry travels together).
     */
    static Map<String, Object> clients(String syncClientSecret) {
        return clients(syncClientSecret, null);
    }

    public static Map<String, Object> clients(String syncClientSecret, String selfServiceClientSecret) {
        List<Map<String, Object>> clients = new ArrayList<>();
        clients.add(client(SYNC_APP_ID, SYNC_APP_NAME, SYNC_ROLES, syncClientSecret));
        if (selfServiceClientSecret != null) {
            clients.add(client(SELFSERVICE_APP_ID, SELFSERVICE_APP_NAME, SELFSERVICE_ROLES, selfServiceClientSecret));
        }
        return Map.of("steward", Map.of("auth", Map.of("clients", clients)));
    }

    private static Map<String, Object> client(String id, String displayName, List<String> roles, String secret) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", id);
        client.put("display-name", displayName);
        client.put("roles", roles);
        client.put("secret", secret);
        return client;
    }

    /** Every permission Steward knows, {@code User.Read} and {@code User.Read.All}: what the CLI may ask for. */
    static List<String> delegatedPermissions() {
        List<String> permissions = new ArrayList<>();
        for (Field field : Permissions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    permissions.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (String user : List.of("User.Read", "User.Read.All")) {
            if (!permissions.contains(user)) {
                permissions.add(user);
            }
        }
        return permissions;
    }

    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Polls the health endpoint until it answers UP. */
    public Duration awaitReady(long startedAtNanos, Duration timeout) {
        HealthProbe probe = new HealthProbe(url);
        long deadline = startedAtNanos + timeout.toNanos();
        String last = "no answer";
        while (true) {
            if (!process.isAlive()) {
                throw new LauncherException(MODULE + " exited with code " + process.exitValue()
                        + " during start-up. Its log is " + logFile() + "; last lines:\n" + process.tail(25));
            }
            HealthProbe.Answer answer = probe.check();
            if (answer.up()) {
                return Duration.ofNanos(System.nanoTime() - startedAtNanos);
            }
            last = answer.description();
            if (System.nanoTime() > deadline) {
                throw new LauncherException(MODULE + " did not report UP on " + probe.url() + " within "
                        + timeout.toSeconds() + " s (last answer: " + last + "). Its log is " + logFile()
                        + "; last lines:\n" + process.tail(25));
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + MODULE, e);
            }
        }
    }

    /** The URL of the running stack's server, if a stack started one from this data directory. */
    public static Optional<String> runningUrl(StackLayout layout) {
        Path file = urlFile(layout);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeUrl(StackLayout layout, String url) {
        try {
            Files.createDirectories(layout.run());
            Files.writeString(urlFile(layout), url + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path urlFile(StackLayout layout) {
        return layout.run().resolve(MODULE + ".url");
    }

    @Override
    public void close() {
        process.stop(15);
    }
}
