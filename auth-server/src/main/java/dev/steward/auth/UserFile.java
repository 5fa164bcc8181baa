package dev.steward.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users who may sign in, in a JSON file the launcher writes ({@code {"users":[{"userPrincipalName": ...,
 * "password": ..., "objectId": ..., "displayName": ..., "wids": [...], "roles": [...]}]}}). It is read at every
 * sign-in and token, so users added while the server runs can sign in at once.
 */
public final class UserFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One user: what signs them in and what their tokens say. */
    public record User(String userPrincipalName, String password, String objectId, String displayName,
                       List<String> wids, List<String> roles) {
        public User {
            wids = wids == null ? List.of() : List.copyOf(wids);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** The file's content. */
    public record Users(List<User> users) {
        public Users {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    private final Path file;

    public UserFile(Path file) {
        this.file = file;
    }

    public Optional<User> find(String userPrincipalName) {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return JSON.readValue(Files.readString(file), Users.class).users().stream()
                    .filter(user -> user.userPrincipalName().toLowerCase(Locale.ROOT)
                            .equals(userPrincipalName.toLowerCase(Locale.ROOT)))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
    }
}
