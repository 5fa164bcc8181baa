package dev.steward.directory.group.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.common.MappedColumns;
import org.junit.jupiter.api.Test;

class GroupViewInsertTest {

    @Test
    void theJdbcInsertOfACreatedGroupWritesEveryMappedColumn() {
        assertThat(MappedColumns.inserted(GroupView.INSERT))
                .containsExactlyInAnyOrderElementsOf(MappedColumns.of(GroupView.class));
    }
}
