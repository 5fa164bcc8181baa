package dev.steward.directory.user.command;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.group.api.RemoveDeletedUser;
import dev.steward.directory.user.api.DeleteUser;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a user (a cloud user, or one the sync engine saw deleted in AD) and takes it out of every group it was a
 * member or owner of, in one transaction: the user's
 * {@code UserDeleted} and each group's {@code MembersRemoved} / {@code OwnersRemoved} commit together or not at all.
 * Each group records the change in its own events, so its aggregate, its delta and its history stay exact.
 */
@Component
public class UserDeletion {

    private static final String GROUPS_OF = "SELECT group_id FROM group_member WHERE member_id = ? "
            + "UNION SELECT group_id FROM group_owner WHERE owner_id = ?";

    private final DirectoryCommands commands;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final Cache groupCache;

    UserDeletion(DirectoryCommands commands, TransactionTemplate transactions, JdbcTemplate jdbc,
                 @Qualifier("groupCache") Cache groupCache, BatchedWrites writes) {
        this.commands = commands;
        this.writes = writes;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.groupCache = groupCache;
    }

    public void delete(String userId, CommandOrigin origin) {
        delete(new DeleteUser(userId), userId, origin);
    }

    /**
     * @param deletion the command that deletes the user ({@code DeleteUser}, or the sync engine's deletion)
     * @return the user's version after its deletion
     */
    public long delete(Object deletion, String userId, CommandOrigin origin) {
        return transactions.execute(status -> {
            long version = commands.sendForVersion(deletion, origin);
            writes.beforeRead();
            List<String> groups = jdbc.queryForList(GROUPS_OF, String.class, userId, userId);
            forgetCachedGroupsOnRollback(groups);
            groups.forEach(group -> commands.send(new RemoveDeletedUser(group, userId), origin));
            return version;
        });
    }

    /** Groups are cached when their unit of work ends, before this transaction commits; a rollback forgets them. */
    private void forgetCachedGroupsOnRollback(List<String> groups) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    groups.forEach(groupCache::remove);
                }
            }
        });
    }
}
