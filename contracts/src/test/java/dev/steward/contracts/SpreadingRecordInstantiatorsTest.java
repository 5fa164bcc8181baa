package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.event.AssignedLicense;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class SpreadingRecordInstantiatorsTest {

    @Test
    void buildsRecordsWithoutInvokeWithArguments() {
        Built built = ContractJson.read(Built.class, "{\"name\":\"x\",\"count\":3}".getBytes(StandardCharsets.UTF_8));

        assertThat(built.name()).isEqualTo("x");
        assertThat(built.count()).isEqualTo(3);
        assertThat(built.calledFrom()).as("the constructor is not called through invokeWithArguments")
                .noneMatch(frame -> frame.getMethodName().equals("invokeWithArguments"));
        assertThat(built.calledFrom()).as("but through Jackson's instantiator")
                .anyMatch(frame -> frame.getClassName().endsWith("SpreadingRecordInstantiators$Spreading"));

        CommandResult result = CommandResult.rejected(new CommandResult.ContractCommandRef(UUID.randomUUID(),
                "directory.AddMembers", "corr-1", "group-1"), "Request_BadRequest", "already a member",
                Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(ContractJson.read(CommandResult.class, ContractJson.write(result))).isEqualTo(result);
    }

    /** A record that remembers who called its constructor. */
    public record Built(String name, int count, List<StackTraceElement> calledFrom) {
        public Built {
            calledFrom = List.of(new Throwable().getStackTrace());
        }
    }

    @Test
    void reportsARecordsOwnCheckAsJacksonWould() {
        String noStatus = "{\"commandId\":\"" + UUID.randomUUID() + "\",\"completedAt\":\"2026-01-01T10:00:00Z\"}";
        assertThatThrownBy(() -> ContractJson.read(CommandResult.class, noStatus.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class).hasMessage("malformed CommandResult: status");
        String notAGuid = "{\"skuId\":\"AAD_PREMIUM\",\"disabledPlans\":[]}";
        assertThatThrownBy(() -> ContractJson.read(AssignedLicense.class, notAGuid.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("skuId must be a GUID");
        assertThat(ContractJson.read(AssignedLicense.class, ("{\"skuId\":\"" + Samples.AAD_PREMIUM
                + "\",\"disabledPlans\":[]}").getBytes(StandardCharsets.UTF_8)).disabledPlans()).isEqualTo(List.of());
    }

}
