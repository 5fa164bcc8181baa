package dev.steward.launcher.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The four services of the stack, in start-up listing order, with their default ports. */
public enum StewardService {

    DIRECTORY("directory-service", "directory", 8080),
    SELFSERVICE("selfservice-service", "selfservice", 8081),
    SYNC("sync-service", "sync", 8082),
    AUDIT("audit-service", "audit", 8083);

    private final String module;
    private final String shortName;
    private final int defaultPort;

    StewardService(String module, String shortName, int defaultPort) {
        this.module = module;
        this.shortName = shortName;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, which is also the jar's and the log file's name. */
    public String module() {
        return module;
    }

    /** Used in flags ({@code --sync-port}) and database names ({@code steward_sync}). */
    public String shortName() {
        return shortName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<StewardService> byShortName(String name) {
        return Arrays.stream(values())
                .filter(service -> service.shortName.equalsIgnoreCase(name) || service.module.equalsIgnoreCase(name))
                .findFirst();
    }

    /** {@code <repo>/<module>/target/<module>.jar}, the Spring Boot executable jar of the module. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
