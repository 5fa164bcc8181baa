package dev.steward.launcher.stack;

import dev.steward.launcher.LauncherException;
import dev.steward.platform.security.DevTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;

/**
 * The development signing key of the local stack: generated once per data directory, trusted by the services only
 * because the launcher starts them with {@code steward.security.local-stack=true}.
 */
public final class DevKeys {

    private DevKeys() {
    }

    /** Creates the key pair unless it exists; returns true when it was created. */
    public static boolean ensure(StackLayout layout) {
        if (Files.exists(layout.privateKey()) && Files.exists(layout.publicKey())) {
            return false;
        }
        KeyPair keys = DevTokens.generateKeyPair();
        DevTokens.writePem(keys, layout.privateKey(), layout.publicKey());
        restrictToOwner(layout.privateKey());
        return true;
    }

    public static RSAPrivateKey privateKey(StackLayout layout) {
        Path file = layout.privateKey();
        if (!Files.exists(file)) {
            throw new LauncherException("There is no development key at " + file
                    + ": start the stack first (./steward up).");
        }
        return DevTokens.readPrivateKey(file);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the data directory's own permissions apply
        }
    }
}
