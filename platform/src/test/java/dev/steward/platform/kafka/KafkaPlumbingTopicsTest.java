package dev.steward.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaPlumbingTopicsTest {

    @Test
    void declaresEveryTopicWithTheConfiguredReplicationAndMinInsyncReplicas() {
        var topics = KafkaPlumbing.topics(6, (short) 3, 2);

        assertThat(topics).extracting(NewTopic::name).contains(Topics.SYNC_EVENTS, Topics.deadLetter(Topics.SYNC_EVENTS),
                Topics.SELFSERVICE_NOTIFICATIONS).hasSize(16);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void refusesMoreInsyncReplicasThanReplicas() {
        assertThatThrownBy(() -> KafkaPlumbing.topics(3, (short) 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steward.kafka.min-insync-replicas (2)");
        assertThatThrownBy(() -> KafkaPlumbing.topics(3, (short) 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
