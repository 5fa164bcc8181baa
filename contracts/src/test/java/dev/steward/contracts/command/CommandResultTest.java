package dev.steward.contracts.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.command.CommandResult.ContractCommandRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandResultTest {

    private static final ContractCommandRef REF = new ContractCommandRef(UUID.randomUUID(), "directory.AddMembers",
            "corr-1", "6f1c4a0e-0d3b-4c55-9b1e-2f7a5d8c9e01");
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aSucceededResultCarriesTheAggregatesNewVersionAndARejectionNone() {
        assertThat(CommandResult.succeeded(REF, 41L, AT).version()).isEqualTo(41L);
        assertThat(CommandResult.rejected(REF, "Request_BadRequest", "already a member", AT).version()).isNull();
        CommandResult written = CommandResult.succeeded(REF, 0L, AT);
        assertThat(ContractJson.read(CommandResult.class, ContractJson.write(written))).isEqualTo(written);
    }

    @Test
    void readsAResultWrittenBeforeResultsHadAVersionAsHavingNone() {
        String old = "{\"commandId\":\"" + REF.commandId() + "\",\"commandType\":\"directory.AddMembers\","
                + "\"aggregateId\":\"" + REF.aggregateId() + "\",\"status\":\"SUCCEEDED\","
                + "\"completedAt\":\"2026-01-01T10:00:00Z\"}";

        CommandResult read = ContractJson.read(CommandResult.class, old.getBytes(StandardCharsets.UTF_8));

        assertThat(read.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(read.version()).isNull();
    }
}
