package dev.steward.systemtests.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/** What gets an image: the four services and the authorization server, each a Maven module with a Boot jar. */
public enum Deployable {

    DIRECTORY("directory-service"),
    SELFSERVICE("selfservice-service"),
    SYNC("sync-service"),
    AUDIT("audit-service"),
    AUTH_SERVER("auth-server");

    private final String module;

    Deployable(String module) {
        this.module = module;
    }

    public String module() {
        return module;
    }

    public static Optional<Deployable> byModule(String module) {
        return Arrays.stream(values()).filter(service -> service.module.equals(module)).findFirst();
    }

    public static Path repositoryRoot() {
        return Path.of(System.getProperty("steward.repo-root", "..")).toAbsolutePath().normalize();
    }

    public Path jar() {
        return repositoryRoot().resolve(module).resolve("target").resolve(module + ".jar");
    }

    public Path applicationYaml() {
        return repositoryRoot().resolve(module).resolve("src/main/resources/application.yaml");
    }

    /** {@code server.port} of the module's application.yaml: the port its image exposes. */
    public int configuredPort() {
        Object port = ((Map<?, ?>) applicationConfiguration().get("server")).get("port");
        return Integer.parseInt(port.toString());
    }

    public Map<String, Object> applicationConfiguration() {
        try (Reader reader = Files.newBufferedReader(applicationYaml())) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
