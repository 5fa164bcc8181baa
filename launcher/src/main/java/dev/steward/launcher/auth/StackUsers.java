package dev.steward.launcher.auth;

import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.token.Grants;
import dev.steward.launcher.token.SeedUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users who may sign in at the stack's authorization server: {@code auth/users.json} in the data directory
 * (readable by its owner only), one entry per user of the directory with a password generated for this stack, the
 * user's cloud id, and their default directory roles ({@link Grants}). The server reads it at every sign-in.
 */
public final class StackUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One entry of the file; the field names are the server's ({@code UserFile.User}). */
    public record Entry(String userPrincipalName, String password, String objectId, String displayName,
                        List<String> wids, List<String> roles) {
    }

    record Users(List<Entry> users) {
        Users {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    private StackUsers() {
    }

    public static Path file(StackLayout layout) {
        return layout.root().resolve("auth").resolve("users.json");
    }

    /** Writes every user of the directory with a new password (at each start of the stack). */
    public static void writeAll(StackLayout layout, Collection<SeedUser> users) {
        write(layout, users.stream().map(StackUsers::entry).toList());
    }

    /**
     * The entry of {@code user}, added with a new password when the file does not have it (a user added to the
     * directory while the stack runs).
     */
    public static synchronized Entry ensure(StackLayout layout, SeedUser user) {
        List<Entry> entries = new ArrayList<>(read(layout));
        Optional<Entry> known = entries.stream().filter(entry -> entry.userPrincipalName().toLowerCase(Locale.ROOT)
                .equals(user.userPrincipalName().toLowerCase(Locale.ROOT))).findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        Entry added = entry(user);
        entries.add(added);
        write(layout, entries);
        return added;
    }

    static List<Entry> read(StackLayout layout) {
        Path file = file(layout);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(Files.readString(file), Users.class).users();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Entry entry(SeedUser user) {
        Grants grants = Grants.defaultFor(user.userPrincipalName());
        return new Entry(user.userPrincipalName(), password(), user.cloudId(), user.displayName(), grants.wids(),
                grants.roles());
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(StackLayout layout, List<Entry> entries) {
        Path file = file(layout);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("users.json.tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions apply
            }
            Files.writeString(temporary, JSON.writeValueAsString(new Users(entries)));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
