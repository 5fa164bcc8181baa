package dev.steward.launcher.kafka;

import dev.steward.platform.kafka.access.BrokerSecurity;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's broker passwords: the super user's ({@value BrokerSecurity#ADMIN}) and one per
 * {@link KafkaPrincipal}, random, created on first start and kept in {@code <data dir>/kafka-credentials.properties}
 * (readable by the owner only). A principal missing from the file (an older stack) gets a new password.
 */
public record BrokerCredentials(String adminPassword, Map<KafkaPrincipal, String> passwords) {

    private static final String ADMIN_KEY = BrokerSecurity.ADMIN;

    public BrokerCredentials {
        passwords = Map.copyOf(passwords);
    }

    public static BrokerCredentials loadOrCreate(Path file) {
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            if (blank(stored.getProperty(ADMIN_KEY))) {
                stored.setProperty(ADMIN_KEY, BrokerSecurity.newPassword());
                changed = true;
            }
            Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
            for (KafkaPrincipal principal : KafkaPrincipal.values()) {
                if (blank(stored.getProperty(principal.userName()))) {
                    stored.setProperty(principal.userName(), BrokerSecurity.newPassword());
                    changed = true;
                }
                passwords.put(principal, stored.getProperty(principal.userName()));
            }
            if (changed) {
                write(file, stored);
            }
            return new BrokerCredentials(stored.getProperty(ADMIN_KEY), passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    public String password(KafkaPrincipal principal) {
        return passwords.get(principal);
    }

    /**
     * A {@code kcat -F} file for a principal (librdkafka property names). It uses SASL/PLAIN (the broker knows the
     * principal as a PLAIN user too): librdkafka before 2.6.1, as in Debian 12's {@code kcat}, fails SCRAM against
     * Kafka 4; with a newer one, {@code sasl.mechanisms=SCRAM-SHA-512} works with the same password.
     */
    public void writeKcatConfig(Path file, KafkaPrincipal principal) {
        Properties config = new Properties();
        config.setProperty("security.protocol", "SASL_PLAINTEXT");
        config.setProperty("sasl.mechanisms", BrokerSecurity.ADMIN_MECHANISM);
        config.setProperty("sasl.username", principal.userName());
        config.setProperty("sasl.password", password(principal));
        try {
            write(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        StringBuilder text = new StringBuilder("# written by the Steward launcher; keep private\n");
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> text.append(key).append('=').append(properties.getProperty(key)).append('\n'));
        Files.writeString(temporary, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
