package dev.steward.launcher.token;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import dev.steward.launcher.ldap.AdIdentifiers;
import dev.steward.launcher.ldap.SeedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users a token can be minted for: every entry with a userPrincipalName in the directory, read from the saved
 * directory of the stack when there is one (so users added with ldapadd count), else from the seed.
 */
public final class SeedUsers {

    private final Map<String, SeedUser> byUpn;

    private SeedUsers(Map<String, SeedUser> byUpn) {
        this.byUpn = byUpn;
    }

    public static SeedUsers seed() {
        return read(SeedDirectory.seedReader());
    }

    public static SeedUsers of(Path directorySnapshot) {
        if (directorySnapshot == null || !Files.exists(directorySnapshot)) {
            return seed();
        }
        try {
            return read(new LDIFReader(directorySnapshot.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SeedUsers read(LDIFReader reader) {
        Map<String, SeedUser> users = new LinkedHashMap<>();
        try (reader) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                String upn = entry.getAttributeValue("userPrincipalName");
                byte[] guid = entry.getAttributeValueBytes("objectGUID");
                if (upn == null || guid == null) {
                    continue;
                }
                String displayName = Optional.ofNullable(entry.getAttributeValue("displayName"))
                        .orElse(entry.getAttributeValue("cn"));
                users.put(upn.toLowerCase(Locale.ROOT), new SeedUser(upn, displayName, AdIdentifiers.guid(guid)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDIFException e) {
            throw new IllegalStateException("the directory's LDIF is malformed: " + e.getMessage(), e);
        }
        return new SeedUsers(users);
    }

    public Optional<SeedUser> find(String userPrincipalName) {
        return Optional.ofNullable(byUpn.get(userPrincipalName.toLowerCase(Locale.ROOT)));
    }

    public Collection<SeedUser> all() {
        return byUpn.values();
    }
}
