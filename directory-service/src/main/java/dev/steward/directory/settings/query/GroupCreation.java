package dev.steward.directory.settings.query;

import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.policy.GroupCreatePolicy;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import java.util.List;
import dev.steward.directory.common.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Group creation as {@code POST /groups} and the Kafka {@code CreateGroup} do it: {@link GroupCreatePolicy} with the
 * tenant settings as they are now, and, as Graph does for delegated creation, the signed-in user as the owner of a
 * group whose request names no owners (when the user is a user of this directory).
 */
@Component
public class GroupCreation {

    private final TenantSettingsReadModel settings;
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    GroupCreation(TenantSettingsReadModel settings, JdbcTemplate jdbc, BatchedWrites writes) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public boolean allows(Caller caller, CreateGroup command) {
        if (!GroupCreatePolicy.hasPermission(caller)) {
            return false;
        }
        return GroupCreatePolicy.isUnbound(caller)
                || GroupCreatePolicy.allows(caller, command.groupTypes().contains("Unified"), settings.groupCreation());
    }

    /** @throws AccessDeniedException if the caller may not create this group */
    public CreateGroup authorize(Caller caller, CreateGroup command) {
        if (!allows(caller, command)) {
            throw new AccessDeniedException();
        }
        return withCreatorAsOwner(caller, command);
    }

    /** The command with the signed-in user as its one owner, if it names none. */
    public CreateGroup withCreatorAsOwner(Caller caller, CreateGroup command) {
        if (!caller.isDelegated() || !command.ownerIds().isEmpty()) {
            return command;
        }
        String userId = ObjectIds.normalize(caller.userId());
        writes.beforeRead();
        Long known = jdbc.queryForObject("SELECT COUNT(*) FROM user_view WHERE id = ?", Long.class, userId);
        if (known == null || known == 0) {
            return command;
        }
        return new CreateGroup(command.groupId(), command.displayName(), command.description(),
                command.mailNickname(), command.mail(), command.mailEnabled(), command.securityEnabled(),
                command.groupTypes(), command.visibility(), List.of(userId), command.memberIds());
    }
}
