package dev.steward.launcher.service;

import dev.steward.launcher.LauncherException;
import dev.steward.launcher.process.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service as a separate {@code java -jar} process. Plain properties go on the command line
 * ({@code --name=value}, visible in {@code ps}); secrets (the sync engine's token) go in
 * {@code SPRING_APPLICATION_JSON}, which only the process's owner can read.
 */
public final class ServiceProcess implements AutoCloseable, ServiceSupervisor.Supervised {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StewardService service;
    private final ChildProcess process;
    private final HealthProbe probe;

    private ServiceProcess(StewardService service, ChildProcess process, HealthProbe probe) {
        this.service = service;
        this.process = process;
        this.probe = probe;
    }

    /**
     * @param properties Spring properties for the command line
     * @param secrets    Spring properties passed in the environment
     */
    public static ServiceProcess start(StewardService service, Path jar, List<String> javaOptions, String marker,
            Map<String, String> properties, Map<String, String> secrets, Path workingDirectory, Path logFile,
            String baseUrl) {
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(service.module() + " is not built: " + jar + " is missing. Build it with "
                    + "./mvnw -B -q -DskipTests package (./steward up does so when needed).");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(FootprintOptions.options());
        command.addAll(javaOptions);
        command.add(marker);
        command.add("-Ddisable-axoniq-console-message=true");
        command.add("-jar");
        command.add(jar.toString());
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Map<String, String> environment = new HashMap<>();
        // glibc's per-thread malloc arenas add tens of MiB of resident memory to a JVM and buy it nothing
        environment.put("MALLOC_ARENA_MAX", "2");
        if (!secrets.isEmpty()) {
            environment.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(secrets));
        }
        ChildProcess process = ChildProcess.start(service.module(), command, environment, workingDirectory, logFile);
        return new ServiceProcess(service, process, new HealthProbe(baseUrl));
    }

    public StewardService service() {
        return service;
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
    public Path logFile() {
        return process.logFile();
    }

    /**
     * Polls {@code GET /actuator/health} until it answers UP.
     *
     * @return how long it took
     * @throws LauncherException naming the service and its log when the process exits or the timeout passes
     */
    public Duration awaitHealthy(long startedAtNanos, Duration timeout) {
        long deadline = startedAtNanos + timeout.toNanos();
        String lastAnswer = "no answer";
        while (true) {
            if (!process.isAlive()) {
                throw new LauncherException(service.module() + " exited with code " + process.exitValue()
                        + " during start-up. Its log is " + logFile() + "; last lines:\n" + process.tail(25));
            }
            HealthProbe.Answer answer = probe.check();
            if (answer.up()) {
                return Duration.ofNanos(System.nanoTime() - startedAtNanos);
            }
            lastAnswer = answer.description();
            if (System.nanoTime() > deadline) {
                throw new LauncherException(service.module() + " did not report UP on " + probe.url() + " within "
                        + timeout.toSeconds() + " s (last answer: " + lastAnswer + "). Its log is " + logFile()
                        + "; last lines:\n" + process.tail(25));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + service.module(), e);
            }
        }
    }

    @Override
    public boolean healthy() {
        return probe.check().up();
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        process.stop(30);
    }
}
