package dev.steward.launcher.service;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the services running: a service whose process dies is started again after a back-off (1 s, doubling, at most
 * 30 s by default), logged with its exit code; one that keeps dying soon after it starts (more than
 * {@code maxQuickFailures} times in a row, each within {@code quickFailureWindow} of its start, or never reporting
 * UP) is given up on, which {@code ./steward status} shows. {@link #requestRestart} restarts one on demand, also one
 * that was given up on. Only the process's liveness is watched once it is UP (a hung service is not detected).
 * <p>
 * Not thread-safe on its own terms: the launcher calls {@link #tick()} from one monitor thread and every other method
 * under the same lock.
 */
public final class ServiceSupervisor {

    /** How a service is restarted. */
    public record Policy(Duration initialBackOff, Duration maxBackOff, Duration quickFailureWindow,
                         int maxQuickFailures, Duration readyTimeout) {

        public static Policy defaults(Duration readyTimeout) {
            return new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 5, readyTimeout);
        }

        /** The wait before the {@code attempt}-th restart in a row (1-based): initial, doubled each time, capped. */
        public Duration backOff(int attempt) {
            Duration delay = initialBackOff;
            for (int i = 1; i < attempt && delay.compareTo(maxBackOff) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxBackOff) > 0 ? maxBackOff : delay;
        }
    }

    /** A running process the supervisor watches. */
    public interface Supervised {
        long pid();

        boolean isAlive();

        int exitValue();

        /** Whether it answers as ready (a service: {@code /actuator/health} is UP). */
        boolean healthy();

        /** Stops it (SIGTERM, then SIGKILL after a grace period). */
        void stop();

        Path logFile();
    }

    /** What {@code ./steward status} shows of a supervised service. */
    public enum State {
        RUNNING("up"), STARTING("starting"), WAITING("restarting"), GAVE_UP("gave up");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Told whenever a service's process or state changes (the launcher rewrites its run files). */
    public interface Listener {
        void changed(String name, Supervised current, State state, String note);
    }

    private final Policy policy;
    private final PrintStream out;
    private final Listener listener;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public ServiceSupervisor(Policy policy, PrintStream out, Listener listener) {
        this.policy = policy;
        this.out = out;
        this.listener = listener;
    }

    /** Watches {@code running} (already UP); {@code starter} starts a new process of the same service. */
    public void supervise(String name, Supervised running, Supplier<? extends Supervised> starter) {
        Entry entry = new Entry(name, starter);
        entry.current = running;
        entry.startedAt = System.nanoTime();
        entry.state = State.RUNNING;
        entries.put(name, entry);
    }

    public Optional<State> state(String name) {
        return Optional.ofNullable(entries.get(name)).map(entry -> entry.state);
    }

    /** Why a service is not simply up (its last exit, or that it was given up on); empty when it is up. */
    public Optional<String> note(String name) {
        return Optional.ofNullable(entries.get(name)).map(entry -> entry.note);
    }

    public Optional<Supervised> current(String name) {
        return Optional.ofNullable(entries.get(name)).map(entry -> entry.current);
    }

    public Map<String, Supervised> currentProcesses() {
        Map<String, Supervised> processes = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            if (entry.current != null) {
                processes.put(name, entry.current);
            }
        });
        return processes;
    }

    /** Looks at every service once: notices deaths, starts what waited long enough, sees restarted ones come UP. */
    public void tick() {
        long now = System.nanoTime();
        for (Entry entry : entries.values()) {
            switch (entry.state) {
                case RUNNING -> {
                    if (!entry.current.isAlive()) {
                        died(entry, now, "exited with code " + entry.current.exitValue());
                    }
                }
                case STARTING -> {
                    if (!entry.current.isAlive()) {
                        died(entry, now, "exited with code " + entry.current.exitValue() + " while starting");
                    } else if (entry.current.healthy()) {
                        entry.state = State.RUNNING;
                        entry.note = null;
                        say("%s is up again (pid %d, after %.1f s)", entry.name, entry.current.pid(),
                                (now - entry.startedAt) / 1e9);
                        listener.changed(entry.name, entry.current, entry.state, null);
                    } else if (now - entry.startedAt > policy.readyTimeout().toNanos()) {
                        entry.current.stop();
                        died(entry, now, "did not report UP within " + policy.readyTimeout().toSeconds() + " s");
                    }
                }
                case WAITING -> {
                    if (now >= entry.restartAt) {
                        launch(entry, now);
                    }
                }
                case GAVE_UP -> {
                    // stays down until ./steward restart
                }
            }
        }
    }

    /** Stops the service if it runs and starts it again now, forgetting earlier failures. */
    public boolean requestRestart(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            return false;
        }
        say("restarting %s on request", name);
        if (entry.current != null && entry.current.isAlive()) {
            entry.current.stop();
        }
        entry.quickFailures = 0;
        launch(entry, System.nanoTime());
        return true;
    }

    private void died(Entry entry, long now, String how) {
        boolean quick = entry.state == State.STARTING || now - entry.startedAt < policy.quickFailureWindow().toNanos();
        entry.quickFailures = quick ? entry.quickFailures + 1 : 1;
        String log = entry.current == null ? "" : "; see " + entry.current.logFile();
        if (entry.quickFailures > policy.maxQuickFailures()) {
            entry.state = State.GAVE_UP;
            String note = entry.note = "gave up after " + policy.maxQuickFailures() + " quick failures; ./steward restart "
                    + entry.name + " tries again";
            say("%s %s%s. It failed %d times in a row within %d s of starting: giving up (./steward restart %s tries "
                    + "again)", entry.name, how, log, policy.maxQuickFailures() + 1,
                    policy.quickFailureWindow().toSeconds(), entry.name);
            listener.changed(entry.name, entry.current, entry.state, note);
            return;
        }
        Duration delay = policy.backOff(entry.quickFailures);
        entry.state = State.WAITING;
        entry.note = how;
        entry.restartAt = now + delay.toNanos();
        say("%s %s%s; restarting in %.1f s (attempt %d of %d)", entry.name, how, log, delay.toMillis() / 1000.0,
                entry.quickFailures, policy.maxQuickFailures());
        listener.changed(entry.name, entry.current, entry.state, how);
    }

    private void launch(Entry entry, long now) {
        entry.startedAt = now;
        try {
            entry.current = entry.starter.get();
        } catch (RuntimeException e) {
            entry.state = State.STARTING;
            died(entry, now, "could not be started (" + e.getMessage() + ")");
            return;
        }
        entry.state = State.STARTING;
        say("started %s again (pid %d)", entry.name, entry.current.pid());
        listener.changed(entry.name, entry.current, entry.state, null);
    }

    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static final class Entry {
        final String name;
        final Supplier<? extends Supervised> starter;
        Supervised current;
        State state;
        long startedAt;
        long restartAt;
        int quickFailures;
        String note;

        Entry(String name, Supplier<? extends Supervised> starter) {
            this.name = name;
            this.starter = starter;
        }
    }
}
