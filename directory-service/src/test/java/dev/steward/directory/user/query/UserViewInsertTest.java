package dev.steward.directory.user.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.common.MappedColumns;
import org.junit.jupiter.api.Test;

class UserViewInsertTest {

    @Test
    void theJdbcInsertOfACreatedUserWritesEveryMappedColumn() {
        assertThat(MappedColumns.inserted(UserView.INSERT))
                .containsExactlyInAnyOrderElementsOf(MappedColumns.of(UserView.class));
    }
}
