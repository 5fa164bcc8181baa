package dev.steward.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its state, all under one data directory ({@code .steward/} by default, git-ignored):
 * the users' sign-in file of the authorization server ({@code auth/}), logs, the broker's log dirs, the directory snapshot, the H2 databases and the run files
 * (pids, ready marker) that {@code ./steward down} and {@code ./steward status} read.
 */
public record StackLayout(Path root) {

    public StackLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path directorySnapshot() {
        return root.resolve("ldap").resolve("directory.ldif");
    }

    public Path database(String service) {
        return root.resolve("data").resolve(service);
    }

    /** Copies of the service jars the stack runs, so that a build during a run does not pull them away. */
    public Path jars() {
        return root.resolve("jars");
    }

    public Path run() {
        return root.resolve("run");
    }

    public Path pidFile(String component) {
        return run().resolve(component + ".pid");
    }

    public Path readyFile() {
        return run().resolve("ready");
    }

    public Path stackFile() {
        return run().resolve("stack.properties");
    }

    /**
     * A system property every child JVM carries, so that {@code down} and the watchdog recognise the processes of
     * this stack (and never kill an unrelated process that reused a pid).
     */
    public String marker() {
        return "-Dsteward.stack.home=" + root;
    }

    public void createDirectories() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(run());
            Files.createDirectories(jars());
            Files.createDirectories(kafka());
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(directorySnapshot().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }
}
