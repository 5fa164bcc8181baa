package dev.steward.launcher.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import dev.steward.launcher.LauncherException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded LDAP directory of the local stack: UnboundID's in-memory server with an AD-like schema, seeded with
 * the sample forest of {@code seed/corp.example.test.ldif}. Writes need the Administrator bind; reads are open.
 * With a snapshot file, the directory is saved there after every change (and on close) and loaded from it on the
 * next start, so an AD edit survives a restart like the services' databases do.
 */
public final class SeedDirectory implements AutoCloseable {

    public static final String BASE_DN = "DC=corp,DC=example,DC=test";
    public static final String BIND_DN = "CN=Administrator,CN=Users," + BASE_DN;
    public static final String BIND_PASSWORD = "steward-dev";
    public static final String SEED_RESOURCE = "/seed/corp.example.test.ldif";
    static final String SCHEMA_RESOURCE = "/seed/ad-schema.ldif";

    private static final Logger LOG = Logger.getLogger(SeedDirectory.class.getName());

    private final InMemoryDirectoryServer server;
    private final Path snapshot;
    private final AtomicBoolean dirty;
    private final ScheduledExecutorService saver;

    private SeedDirectory(InMemoryDirectoryServer server, Path snapshot, AtomicBoolean dirty,
            ScheduledExecutorService saver) {
        this.server = server;
        this.snapshot = snapshot;
        this.dirty = dirty;
        this.saver = saver;
    }

    /** A directory with the seed forest, in memory only. */
    public static SeedDirectory start(InetAddress address, int port) {
        return start(address, port, null);
    }

    /**
     * Starts the directory on {@code address:port}: content from {@code snapshot} when that file exists, else the
     * seed. A null snapshot keeps everything in memory.
     */
    public static SeedDirectory start(InetAddress address, int port, Path snapshot) {
        AtomicBoolean dirty = new AtomicBoolean();
        ActiveDirectoryEmulation emulation = new ActiveDirectoryEmulation(Clock.systemUTC(), () -> dirty.set(true));
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", address, port, null));
            config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
            config.setAuthenticationRequiredOperationTypes(OperationType.ADD, OperationType.DELETE,
                    OperationType.MODIFY, OperationType.MODIFY_DN);
            config.setSchema(schema());
            config.setReferentialIntegrityAttributes("member", "managedBy");
            config.setMaxChangeLogEntries(10_000);
            config.setVendorName("Steward local stack (UnboundID in-memory directory)");
            config.setCustomRootDSEAttributes(List.of(
                    new Attribute("defaultNamingContext", BASE_DN),
                    new Attribute("rootDomainNamingContext", BASE_DN),
                    new Attribute("dnsHostName", "dc1.corp.example.test")));
            config.addInMemoryOperationInterceptor(emulation);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            if (snapshot != null && Files.exists(snapshot)) {
                server.importFromLDIF(true, snapshot.toFile());
            } else {
                server.importFromLDIF(true, seedReader());
            }
            emulation.attach(server, BASE_DN);
            server.startListening();
            ScheduledExecutorService saver = null;
            if (snapshot != null) {
                Files.createDirectories(snapshot.toAbsolutePath().getParent());
                saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "directory-snapshot");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            SeedDirectory directory = new SeedDirectory(server, snapshot, dirty, saver);
            if (saver != null) {
                directory.save();
                saver.scheduleWithFixedDelay(directory::saveIfChanged, 1, 1, TimeUnit.SECONDS);
            }
            return directory;
        } catch (LDAPException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase().contains("address already in use")) {
                throw new LauncherException("LDAP port " + port + " on " + address.getHostAddress()
                        + " is in use; choose another with --ldap-port", e);
            }
            throw new LauncherException("cannot start the embedded LDAP directory: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The LDAP SDK's standard schema with the Active Directory classes and attributes merged over it. */
    public static Schema schema() {
        try (InputStream in = SeedDirectory.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in));
        } catch (IOException | LDIFException | LDAPException e) {
            throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** The seed forest as LDIF. */
    public static LDIFReader seedReader() {
        return new LDIFReader(SeedDirectory.class.getResourceAsStream(SEED_RESOURCE));
    }

    public int port() {
        return server.getListenPort();
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.shutdownNow();
            saveIfChanged();
        }
        server.shutDown(true);
    }

    private void saveIfChanged() {
        if (dirty.getAndSet(false)) {
            save();
        }
    }

    private synchronized void save() {
        try {
            Path temporary = snapshot.resolveSibling(snapshot.getFileName() + ".tmp");
            server.exportToLDIF(temporary.toString(), false, true);
            Files.move(temporary, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (LDAPException | IOException e) {
            dirty.set(true);
            LOG.log(Level.WARNING, "cannot save the directory to " + snapshot, e);
        }
    }
}
