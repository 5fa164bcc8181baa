package dev.steward.systemtests.image;

import dev.steward.systemtests.service.Deployable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds one service's image from {@code deploy/Dockerfile} without a container engine: every instruction of the
 * stages runs against a directory standing for the image's root file system ({@code /layers} is
 * {@code <root>/layers}), {@code RUN} with this machine's {@code java}. An instruction it cannot emulate fails the
 * build, so the test cannot silently drift from the Dockerfile.
 */
public final class ImageBuild {

    /** What the image runs, in host terms. */
    public record Image(Deployable service, Path workingDirectory, Map<String, String> environment,
                        List<String> entrypoint, List<String> healthCheck) {
    }

    private static final Set<String> METADATA_ONLY = Set.of("ARG", "USER", "EXPOSE");
    /** Commands that set up the base image's operating system (its users); DockerfileTest checks what they do. */
    private static final Set<String> OS_SETUP = Set.of("useradd");

    private final Path repositoryRoot;
    private final Dockerfile dockerfile;

    public ImageBuild(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
        this.dockerfile = Dockerfile.read(repositoryRoot.resolve("deploy/Dockerfile"));
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** The build arguments deploy/README.md gives for a service: its module and its configured port. */
    public static Map<String, String> buildArguments(Deployable service) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("SERVICE", service.module());
        arguments.put("PORT", Integer.toString(service.configuredPort()));
        return arguments;
    }

    public Image build(Deployable service, Path root) {
        Map<String, String> arguments = new LinkedHashMap<>(dockerfile.globalArguments());
        arguments.putAll(buildArguments(service));
        Image image = null;
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            image = run(stage, service, root.resolve(stage.name()), arguments);
        }
        return image;
    }

    private Image run(Dockerfile.Stage stage, Deployable service, Path root, Map<String, String> arguments) {
        Path workingDirectory = root;
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> entrypoint = List.of();
        List<String> healthCheck = List.of();
        for (Dockerfile.Instruction instruction : stage.instructions()) {
            String args = instruction.arguments();
            switch (instruction.keyword()) {
                case "WORKDIR" -> {
                    workingDirectory = inImage(root, Dockerfile.substitute(args, arguments));
                    createDirectories(workingDirectory);
                }
                case "COPY" -> copy(root, workingDirectory, Dockerfile.substitute(args, arguments));
                case "RUN" -> {
                    if (!OS_SETUP.contains(args.split("\\s+")[0])) {
                        runShell(Dockerfile.substitute(args, arguments), workingDirectory);
                    }
                }
                case "ENV" -> environment.putAll(variables(Dockerfile.substitute(args, arguments)));
                case "ENTRYPOINT" -> entrypoint = instruction.execForm();
                case "HEALTHCHECK" -> healthCheck = instruction.execForm();
                default -> {
                    if (!METADATA_ONLY.contains(instruction.keyword())) {
                        throw new IllegalStateException("ImageBuild cannot emulate " + instruction);
                    }
                }
            }
        }
        return new Image(service, workingDirectory, environment, entrypoint, healthCheck);
    }

    /** {@code COPY <repo path> <dest>} from the build context, {@code COPY --from=<stage> <image path> <dest>}. */
    private void copy(Path root, Path workingDirectory, String args) {
        List<String> parts = new ArrayList<>(Arrays.asList(args.split("\\s+")));
        Path sourceRoot = repositoryRoot;
        if (parts.get(0).startsWith("--from=")) {
            sourceRoot = root.resolveSibling(parts.remove(0).substring("--from=".length()));
        }
        if (parts.size() != 2) {
            throw new IllegalStateException("COPY with one source and one destination expected: " + args);
        }
        Path source = inImage(sourceRoot, parts.get(0));
        Path target = parts.get(1).startsWith("/") ? inImage(root, parts.get(1)) : workingDirectory.resolve(parts.get(1));
        if (!Files.exists(source)) {
            throw new IllegalStateException("COPY source missing: " + source);
        }
        try {
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else {
                createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Shell-form RUN: words separated by blanks, {@code java} is this machine's. */
    private static void runShell(String command, Path workingDirectory) {
        List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
        if (!words.get(0).equals("java")) {
            throw new IllegalStateException("ImageBuild runs only java in RUN: " + command);
        }
        words.set(0, hostExecutable(words.get(0)));
        try {
            Process process = new ProcessBuilder(words).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(workingDirectory.resolve("run.log").toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("RUN " + command + " failed: "
                        + Files.readString(workingDirectory.resolve("run.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code java} of an exec or shell form is the JVM running the tests; anything else is taken as it is. */
    public static String hostExecutable(String executable) {
        return executable.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                : executable;
    }

    /** {@code ENV A=1 B=2}, values without blanks. */
    private static Map<String, String> variables(String args) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String pair : args.split("\\s+")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length != 2) {
                throw new IllegalStateException("ENV NAME=value expected: " + args);
            }
            variables.put(nameAndValue[0], nameAndValue[1]);
        }
        return variables;
    }

    private static Path inImage(Path root, String absolutePath) {
        return root.resolve(absolutePath.replaceFirst("^/+", ""));
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
