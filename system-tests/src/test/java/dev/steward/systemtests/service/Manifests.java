package dev.steward.systemtests.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML documents of the deployment files, read with the SnakeYAML Spring Boot brings (anchors and merge keys resolved). */
public final class Manifests {

    /** {@code ${NAME:-default}} and {@code ${NAME:?message}} of compose interpolation, {@code $$} an escaped dollar. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}]*))?}");

    private Manifests() {
    }

    public static Map<String, Object> document(Path file) {
        return documents(file).get(0);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(options).loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /**
     * The value compose gives a variable that the user did not set: the default of {@code ${X:-default}}; null when
     * a variable without default (a secret from {@code .env}) is part of it.
     */
    public static String withDefaults(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            if (!"-".equals(matcher.group(2))) {
                return null;
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(3)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
