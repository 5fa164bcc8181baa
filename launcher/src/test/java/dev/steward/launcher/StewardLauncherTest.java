package dev.steward.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StewardLauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    @Test
    void printsUsageForAnUnknownCommand() {
        int exit = run("start");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'start'").contains("Usage: ./steward");
    }

    @Test
    void printsOnlyAnErrorWhenAskedForATokenBeforeTheStackEverRan() {
        int exit = run("token", "--user", "admin@corp.example.test", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("start the stack first");
    }

    @Test
    void saysSoWhenNoStackRuns() {
        assertThat(run("down", "--data-dir=" + dataDir)).isZero();
        assertThat(out.toString()).contains("No Steward stack is running");
        assertThat(run("status", "--data-dir=" + dataDir)).isEqualTo(1);
    }

    private int run(String... args) {
        return StewardLauncher.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }
}
