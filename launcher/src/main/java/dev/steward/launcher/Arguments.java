package dev.steward.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line flags: {@code --name=value}, {@code --name value}, or a bare {@code --name} for switches. Every
 * valued flag may also come from the system property {@code steward.<name>}; the flag wins.
 */
public final class Arguments {

    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    public static Arguments parse(List<String> args, Set<String> valued, Set<String> switches) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw LauncherException.usage("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (switches.contains(name)) {
                if (value != null && !value.equals("true") && !value.equals("false")) {
                    throw LauncherException.usage("--" + name + " takes no value");
                }
                values.put(name, value == null ? "true" : value);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw LauncherException.usage("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.put(name, value);
            } else {
                throw LauncherException.usage("unknown option --" + name);
            }
        }
        return new Arguments(values);
    }

    public Optional<String> value(String name) {
        String value = values.get(name);
        if (value == null) {
            value = System.getProperty("steward." + name);
        }
        return Optional.ofNullable(value);
    }

    public String value(String name, String defaultValue) {
        return value(name).orElse(defaultValue);
    }

    public int port(String name, int defaultValue) {
        String text = value(name, Integer.toString(defaultValue));
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65_535) {
                throw LauncherException.usage("--" + name + " must be a port number (1-65535), not " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw LauncherException.usage("--" + name + " must be a port number (1-65535), not " + text);
        }
    }

    public boolean isSet(String name) {
        return Boolean.parseBoolean(value(name, "false"));
    }
}
