package dev.steward.sync.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;

/**
 * An in-memory LDAP directory holding the seed forest of SEED.md ({@code corp.ldif}): AD-like entries with binary
 * objectGUID and objectSid, no schema checking. One per test JVM, on 127.0.0.1 and a free port.
 */
public final class TestDirectory {

    public static final String BASE_DN = "DC=corp,DC=example,DC=test";
    public static final String BIND_DN = "CN=Administrator,CN=Users," + BASE_DN;
    public static final String PASSWORD = "steward-dev";
    public static final String GROUPS_OU = "OU=Groups," + BASE_DN;
    public static final String USERS_CN = "CN=Users," + BASE_DN;

    public static final String ADMIN_GUID = "1f0c8a52-6d3e-4b7a-9a41-0c5e2d7b8a01";
    public static final String ALICE_GUID = "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02";
    public static final String BOB_GUID = "3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03";
    public static final String ENGINEERING_GUID = "4c9f6083-2dbe-4b50-8f74-308b5cae0d04";
    public static final String ENGINEERING_LEADS_GUID = "5da07194-3ecf-4c61-9085-419c6dbf1e05";
    public static final String MARKETING_GUID = "6eb182a5-4fd0-4d72-a196-52ad7ec02f06";
    public static final String ADMINISTRATOR_GUID = "7fc293b6-50e1-4e83-b2a7-63be8fd13007";
    public static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";

    private static InMemoryDirectoryServer server;

    private TestDirectory() {
    }

    public static synchronized InMemoryDirectoryServer server() {
        if (server == null) {
            try {
                InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
                config.setSchema(null);
                config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                        InetAddress.getLoopbackAddress(), 0, null));
                InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
                try (InputStream ldif = TestDirectory.class.getResourceAsStream("/corp.ldif")) {
                    directory.importFromLDIF(true, new LDIFReader(ldif));
                }
                directory.startListening();
                server = directory;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> directory.shutDown(true)));
            } catch (LDAPException | IOException e) {
                throw new IllegalStateException("cannot start the test directory", e);
            }
        }
        return server;
    }

    public static String url() {
        return "ldap://127.0.0.1:" + server().getListenPort();
    }
}
