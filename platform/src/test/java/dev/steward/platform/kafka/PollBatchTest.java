package dev.steward.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.command.CommandResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class PollBatchTest {

    private final List<List<CommandResult>> together = new ArrayList<>();
    private final List<CommandResult> alone = new ArrayList<>();

    @Test
    void appliesAPollTogether() {
        List<ConsumerRecord<String, ContractMessage>> records = records(result(), result(), result());

        batch(results -> { }, result -> { }).apply(records);

        assertThat(together).singleElement().asList().hasSize(3);
        assertThat(alone).isEmpty();
    }

    @Test
    void appliesTheRecordsBeforeAnUnreadableOneAndNamesIt() {
        List<ConsumerRecord<String, ContractMessage>> records = records(result(), result(), null, result());

        assertThatThrownBy(() -> batch(results -> { }, result -> { }).apply(records))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getCause()).isInstanceOf(MalformedMessageException.class)
                            .hasMessage("the record holds no value; topic carries only CommandResult records here");
                });
        assertThat(together).singleElement().asList().hasSize(2);
    }

    @Test
    void whenTheRecordsFailTogetherAppliesThemAloneAndNamesTheFirstThatFails() {
        CommandResult bad = result();
        List<ConsumerRecord<String, ContractMessage>> records = records(result(), bad, result());

        assertThatThrownBy(() -> batch(results -> {
            throw new IllegalStateException("the transaction failed");
        }, result -> {
            if (result == bad) {
                throw new IllegalStateException("this one");
            }
        }).apply(records)).isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
            assertThat(failed.getIndex()).isEqualTo(1);
            assertThat(failed).hasMessageContaining("this one");
        });
        assertThat(alone).containsExactly((CommandResult) records.get(0).value(), bad);
    }

    @Test
    void passesOnTheRecordAnApplierNamesItself() {
        List<ConsumerRecord<String, ContractMessage>> records = records(result(), result());
        var named = new BatchListenerFailedException("the second", records.get(1));

        assertThatThrownBy(() -> batch(results -> {
            throw named;
        }, result -> { }).apply(records)).isSameAs(named);
        assertThat(alone).isEmpty();
    }

    @Test
    void aValueOfAnotherKindIsMalformed() {
        ConsumerRecord<String, ContractMessage> record = records(result()).get(0);

        assertThatThrownBy(() -> PollBatch.valueOf(record, IntegrationEvent.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("the record holds a CommandResult; topic carries only IntegrationEvent records here");
        assertThat(PollBatch.valueOf(record, CommandResult.class)).isSameAs(record.value());
    }

    private PollBatch<CommandResult> batch(Consumer<List<CommandResult>> all,
                                           Consumer<CommandResult> one) {
        return PollBatch.of(record -> PollBatch.valueOf(record, CommandResult.class), results -> {
            together.add(List.copyOf(results));
            all.accept(results);
        }, result -> {
            alone.add(result);
            one.accept(result);
        });
    }

    private static CommandResult result() {
        return CommandResult.succeeded(new CommandResult.ContractCommandRef(UUID.randomUUID(), "directory.AddMembers",
                null, UUID.randomUUID().toString()), Instant.now());
    }

    private static List<ConsumerRecord<String, ContractMessage>> records(ContractMessage... values) {
        List<ConsumerRecord<String, ContractMessage>> records = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            records.add(new ConsumerRecord<>("topic", 0, offset, "key", values[offset]));
        }
        return records;
    }
}
