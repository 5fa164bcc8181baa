package dev.steward.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor with real operating-system processes standing in for services (healthy while alive). */
class ServiceSupervisorTest {

    private static final ServiceSupervisor.Policy FAST = new ServiceSupervisor.Policy(Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofSeconds(30), 3, Duration.ofSeconds(10));

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final List<OsProcess> started = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private final ServiceSupervisor supervisor = new ServiceSupervisor(FAST, out,
            (name, current, state, note) -> changes.add(name + " " + state));

    @AfterEach
    void stopEverything() {
        started.forEach(OsProcess::stop);
    }

    @Test
    void restartsAServiceKilledWithSigkillAndLogsTheExitCode() {
        OsProcess first = start("sleep", "300");
        supervisor.supervise("audit-service", first, () -> start("sleep", "300"));

        first.process.destroyForcibly();
        long firstPid = first.pid();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            supervisor.tick();
            return supervisor.state("audit-service").orElseThrow() == ServiceSupervisor.State.RUNNING
                    && supervisor.current("audit-service").orElseThrow().pid() != firstPid;
        });
        assertThat(supervisor.current("audit-service").orElseThrow().isAlive()).isTrue();
        assertThat(log()).contains("audit-service exited with code 137").contains("restarting in 0.1 s (attempt 1 of 3)")
                .contains("audit-service is up again");
        assertThat(changes).containsExactly("audit-service WAITING", "audit-service STARTING", "audit-service RUNNING");
    }

    @Test
    void givesUpAfterTooManyQuickFailuresAndSaysSo() {
        OsProcess first = start("sleep", "300");
        AtomicInteger attempts = new AtomicInteger();
        supervisor.supervise("sync-service", first, () -> {
            attempts.incrementAndGet();
            return start("sh", "-c", "exit 3");
        });

        first.process.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            supervisor.tick();
            return supervisor.state("sync-service").orElseThrow() == ServiceSupervisor.State.GAVE_UP;
        });
        assertThat(attempts).hasValue(3);
        assertThat(log()).contains("exited with code 3 while starting")
                .contains("restarting in 0.2 s (attempt 2 of 3)")
                .contains("restarting in 0.4 s (attempt 3 of 3)")
                .contains("giving up (./steward restart sync-service tries again)");
        assertThat(supervisor.note("sync-service")).hasValueSatisfying(note -> assertThat(note)
                .contains("gave up after 3 quick failures"));

        // given up: ticks start nothing more
        for (int i = 0; i < 5; i++) {
            supervisor.tick();
        }
        assertThat(attempts).hasValue(3);
    }

    @Test
    void restartOnRequestReplacesARunningServiceAndRevivesOneThatWasGivenUpOn() {
        OsProcess first = start("sleep", "300");
        AtomicInteger attempts = new AtomicInteger();
        supervisor.supervise("directory-service", first, () -> attempts.incrementAndGet() <= 4
                ? start("sh", "-c", "exit 1") : start("sleep", "300"));

        assertThat(supervisor.requestRestart("directory-service")).isTrue();
        assertThat(first.isAlive()).as("the old process is stopped").isFalse();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            supervisor.tick();
            return supervisor.state("directory-service").orElseThrow() == ServiceSupervisor.State.GAVE_UP;
        });

        assertThat(supervisor.requestRestart("directory-service")).isTrue();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            supervisor.tick();
            return supervisor.state("directory-service").orElseThrow() == ServiceSupervisor.State.RUNNING;
        });
        assertThat(supervisor.note("directory-service")).isEmpty();
        assertThat(supervisor.requestRestart("no-such-service")).isFalse();
    }

    @Test
    void aServiceThatNeverReportsUpIsStoppedAndCountsAsAQuickFailure() {
        ServiceSupervisor strict = new ServiceSupervisor(new ServiceSupervisor.Policy(Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofSeconds(30), 1, Duration.ofMillis(300)), out, (n, c, s, note) -> { });
        OsProcess first = start("sleep", "300");
        List<OsProcess> unhealthy = new ArrayList<>();
        strict.supervise("selfservice-service", first, () -> {
            OsProcess process = start("sleep", "300");
            process.healthy = false;
            unhealthy.add(process);
            return process;
        });

        first.process.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            strict.tick();
            return strict.state("selfservice-service").orElseThrow() == ServiceSupervisor.State.GAVE_UP;
        });
        assertThat(log()).contains("selfservice-service did not report UP within");
        assertThat(unhealthy).isNotEmpty().noneMatch(OsProcess::isAlive);
    }

    @Test
    void backOffDoublesFromTheInitialWaitAndIsCapped() {
        ServiceSupervisor.Policy policy = ServiceSupervisor.Policy.defaults(Duration.ofMinutes(5));

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20).stream().map(policy::backOff).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    private String log() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private OsProcess start(String... command) {
        try {
            OsProcess process = new OsProcess(new ProcessBuilder(command).start());
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class OsProcess implements ServiceSupervisor.Supervised {
        final Process process;
        volatile boolean healthy = true;

        OsProcess(Process process) {
            this.process = process;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public int exitValue() {
            return process.exitValue();
        }

        @Override
        public boolean healthy() {
            return healthy && process.isAlive();
        }

        @Override
        public void stop() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Path logFile() {
            return Path.of("/dev/null");
        }
    }
}
