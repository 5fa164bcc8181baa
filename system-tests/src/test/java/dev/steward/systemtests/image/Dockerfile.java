package dev.steward.systemtests.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Dockerfile read as the builder reads it: comments dropped, continuation lines joined, one instruction per line,
 * grouped into stages by {@code FROM}. Only what the image tests need: instructions, exec-form arrays and
 * {@code ${VAR}} substitution of build arguments.
 */
public record Dockerfile(Map<String, String> globalArguments, List<Stage> stages) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public record Instruction(String keyword, String arguments) {

        /** The JSON array of an exec-form instruction ({@code ENTRYPOINT ["java", ...]}). */
        public List<String> execForm() {
            String json = keyword.equals("HEALTHCHECK")
                    ? arguments.substring(arguments.indexOf("CMD ") + 4).strip() : arguments;
            if (!json.startsWith("[")) {
                throw new IllegalStateException(keyword + " is not in exec form: " + arguments);
            }
            List<String> values = new ArrayList<>();
            JSON.readTree(json).forEach(value -> values.add(value.asString()));
            return values;
        }
    }

    public record Stage(String name, String base, List<Instruction> instructions) {

        public List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        public Instruction only(String keyword) {
            List<Instruction> found = all(keyword);
            if (found.size() != 1) {
                throw new IllegalStateException("stage " + name + " has " + found.size() + " " + keyword
                        + " instructions, expected one");
            }
            return found.get(0);
        }
    }

    public static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        Map<String, String> globalArguments = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (logical.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
                continue;
            }
            if (stripped.startsWith("#")) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                logical.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            logical.append(stripped);
            lines.add(logical.toString().strip());
            logical.setLength(0);
        }
        Stage current = null;
        for (String line : lines) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("FROM")) {
                String[] from = arguments.split("\\s+");
                String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "stage" + stages.size();
                current = new Stage(name, substitute(from[0], globalArguments), new ArrayList<>());
                stages.add(current);
            } else if (current == null) {
                if (!keyword.equals("ARG")) {
                    throw new IllegalStateException("only ARG may come before the first FROM: " + line);
                }
                String[] argument = arguments.split("=", 2);
                globalArguments.put(argument[0], argument.length > 1 ? argument[1] : "");
            } else {
                current.instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(globalArguments, stages);
    }

    public Stage stage(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no stage " + name));
    }

    /** The stage the image is made of. */
    public Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** Replaces {@code ${NAME}} by its value; an unknown name is an error, as a missing build argument would be. */
    public static String substitute(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("${" + matcher.group(1) + "} has no value in: " + text);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
