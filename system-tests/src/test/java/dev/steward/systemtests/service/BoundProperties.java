package dev.steward.systemtests.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties one service binds, read from its jar: Spring Boot's configuration metadata of every
 * library, the keys and {@code ${ENV}} placeholders of its application.yaml, Steward's {@code @ConfigurationProperties}
 * classes (their prefix and fields, by reflection) and every {@code steward.*} name its classes mention (
 * {@code @Value("${steward....}")}, {@code environment.getProperty(...)}). An environment variable is bound when
 * Spring's relaxed binding maps it to one of them ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS} to
 * {@code spring.kafka.bootstrap-servers}, {@code STEWARD_AUTH_CLIENTS_0_ID} into the list {@code steward.auth.clients}).
 */
public final class BoundProperties {

    /** Read by the JVM, the C library or Spring itself, not bound to a property. */
    public static final Set<String> PROCESS_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX",
            "SPRING_APPLICATION_JSON");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STEWARD_NAME = Pattern.compile("steward\\.[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";
    private static final Map<Deployable, BoundProperties> CACHE = new EnumMap<>(Deployable.class);

    /** property name by its environment forms (both of Spring's: dashes dropped, dashes as underscores) */
    private final Map<String, String> byEnvironmentName = new HashMap<>();
    /** collection or map properties: anything below them binds */
    private final Map<String, String> containersByEnvironmentName = new HashMap<>();
    private final Set<String> properties = new HashSet<>();

    private BoundProperties() {
    }

    public static synchronized BoundProperties of(Deployable service) {
        return CACHE.computeIfAbsent(service, BoundProperties::read);
    }

    /** The property an environment variable sets, if the service binds it. */
    public Optional<String> property(String environmentName) {
        String direct = byEnvironmentName.get(environmentName);
        if (direct != null) {
            return Optional.of(direct);
        }
        return containersByEnvironmentName.entrySet().stream()
                .filter(container -> environmentName.startsWith(container.getKey() + "_"))
                .map(Map.Entry::getValue).findFirst();
    }

    public boolean binds(String environmentName) {
        return PROCESS_VARIABLES.contains(environmentName) || property(environmentName).isPresent();
    }

    public boolean knows(String property) {
        return properties.contains(property);
    }

    public Set<String> properties() {
        return Set.copyOf(properties);
    }

    private static BoundProperties read(Deployable service) {
        Path extracted = extract(service);
        BoundProperties bound = new BoundProperties();
        List<Path> jars = new ArrayList<>();
        jars.add(extracted.resolve(service.module() + ".jar"));
        try (Stream<Path> libraries = Files.list(extracted.resolve("lib"))) {
            jars.addAll(libraries.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path jar : jars) {
            bound.readMetadata(jar);
        }
        bound.readApplicationYaml(service);
        URL[] urls = jars.stream().map(BoundProperties::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (Path jar : jars) {
                if (jar.equals(jars.get(0)) || jar.getFileName().toString().matches("(contracts|platform)-.*\\.jar")) {
                    bound.readClasses(jar, loader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bound;
    }

    /** {@code java -Djarmode=tools -jar <jar> extract}: the application jar and lib/, under target/, once per jar. */
    private static Path extract(Deployable service) {
        Path destination = Path.of("target", "bound-properties", service.module()).toAbsolutePath();
        Path marker = destination.resolve(".extracted");
        try {
            if (Files.exists(marker)
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(service.jar())) > 0) {
                return destination;
            }
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", service.jar().toString(), "extract", "--force", "--destination",
                    destination.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("extracting " + service.jar() + " failed");
            }
            Files.writeString(marker, "");
            return destination;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readMetadata(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                JarEntry entry = file.getJarEntry(name);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    JsonNode metadata = JSON.readTree(in);
                    for (JsonNode property : metadata.path("properties")) {
                        String type = property.path("type").asString("");
                        add(property.path("name").asString(), type.startsWith("java.util.List")
                                || type.startsWith("java.util.Map") || type.startsWith("java.util.Set")
                                || type.endsWith("[]"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readApplicationYaml(Deployable service) {
        flatten("", service.applicationConfiguration());
    }

    private void flatten(String prefix, Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = entry.getKey().toString().replaceAll("^\\[|]$", "");
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flatten(name, nested);
            } else {
                add(name, entry.getValue() instanceof Collection<?>);
                Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(entry.getValue()));
                while (placeholder.find()) {
                    byEnvironmentName.put(placeholder.group(1), name);
                }
            }
        }
    }

    private void readClasses(Path jar, ClassLoader loader) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                String bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                Matcher name = STEWARD_NAME.matcher(bytes);
                while (name.find()) {
                    add(name.group(), false);
                }
                if (bytes.contains(CONFIGURATION_PROPERTIES.replace('.', '/'))) {
                    String className = entry.getName().replaceAll("^BOOT-INF/classes/", "")
                            .replace(".class", "").replace('/', '.');
                    readConfigurationProperties(loader, className);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readConfigurationProperties(ClassLoader loader, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        for (Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().equals(CONFIGURATION_PROPERTIES)) {
                String prefix = attribute(annotation, "prefix");
                readFields(prefix.isEmpty() ? attribute(annotation, "value") : prefix, type, 0);
            }
        }
    }

    private void readFields(String prefix, Class<?> type, int depth) {
        List<Map.Entry<String, Class<?>>> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(Map.entry(component.getName(), component.getType()));
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(Map.entry(field.getName(), field.getType()));
                }
            }
        }
        for (Map.Entry<String, Class<?>> field : fields) {
            String name = prefix + "." + kebab(field.getKey());
            Class<?> fieldType = field.getValue();
            boolean container = Collection.class.isAssignableFrom(fieldType) || Map.class.isAssignableFrom(fieldType)
                    || fieldType.isArray();
            add(name, container);
            if (!container && depth < 3 && fieldType.getName().startsWith("dev.steward.") && !fieldType.isEnum()) {
                readFields(name, fieldType, depth + 1);
            }
        }
    }

    private void add(String property, boolean container) {
        properties.add(property);
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        for (String form : List.of(upper.replace("-", ""), upper.replace('-', '_'))) {
            byEnvironmentName.putIfAbsent(form, property);
            if (container) {
                containersByEnvironmentName.putIfAbsent(form, property);
            }
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String attribute(Annotation annotation, String name) {
        try {
            return (String) annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
