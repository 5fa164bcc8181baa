package dev.steward.launcher.stack;

import dev.steward.launcher.process.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Children must not outlive the launcher. A clean stop (Ctrl-C, {@code ./steward down}, any normal JVM exit) runs
 * the launcher's shutdown hook; this small shell process covers the rest: when the launcher's pid disappears without
 * a clean stop (SIGKILL, a crash), it stops the processes named in the run directory whose command line carries the
 * stack's marker, services first, then the broker.
 */
final class Watchdog {

    private static final String SCRIPT = """
            launcher="$1"; run="$2"; marker="$3"
            while kill -0 "$launcher" 2>/dev/null; do sleep 1; done
            ours() { ps -ww -o args= -p "$1" 2>/dev/null | grep -qF -- "$marker"; }
            stop_all() {
              pids=""
              for f in "$@"; do
                [ -f "$f" ] || continue
                pid=$(cat "$f")
                if ours "$pid"; then kill -TERM "$pid" 2>/dev/null; pids="$pids $pid"; fi
                rm -f "$f"
              done
              i=0
              while [ $i -lt 30 ]; do
                alive=""
                for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
                [ -z "$alive" ] && return 0
                sleep 1; i=$((i + 1))
              done
              for pid in $alive; do kill -KILL "$pid" 2>/dev/null; done
            }
            stop_all "$run"/*-service.pid
            stop_all "$run"/auth-server.pid
            stop_all "$run"/kafka.pid
            rm -f "$run/launcher.pid" "$run/ready" "$run/stack.properties" "$run/watchdog.pid"
            """;

    private Watchdog() {
    }

    /** Starts the watchdog of the current JVM, or nothing where there is no POSIX shell. */
    static Optional<ChildProcess> start(StackLayout layout) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return Optional.empty();
        }
        List<String> command = List.of("/bin/sh", "-c", SCRIPT, "steward-watchdog",
                Long.toString(ProcessHandle.current().pid()), layout.run().toString(), layout.marker());
        return Optional.of(ChildProcess.start("watchdog", command, Map.of(), layout.root(), layout.log("watchdog")));
    }
}
