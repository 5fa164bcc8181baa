package dev.steward.directory.settings.command;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.settings.api.GroupSettingTemplate;
import dev.steward.directory.settings.api.SettingValue;
import dev.steward.platform.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Graph's rules for a directory setting's values: every name is one of its template's, every value fits the
 * template's type ({@code System.Boolean}: true or false, kept in lower case; {@code System.Guid}: a GUID or empty;
 * {@code System.String}: at most {@value #STRING_MAX} characters, no control characters or unpaired surrogates).
 */
final class SettingRules {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String RESOURCE = "DirectorySetting";
    /** Text values (naming prefixes, blocked words, guideline URLs) are bounded, so that events stay small. */
    static final int STRING_MAX = 2048;

    private SettingRules() {
    }

    /** {@code current} with {@code changes} applied, every value of the template in its order. */
    static List<SettingValue> apply(GroupSettingTemplate template, List<SettingValue> current,
                                    List<SettingValue> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        current.forEach(value -> values.put(value.name(), value.value()));
        for (SettingValue change : changes) {
            GroupSettingTemplate.Value definition = template.value(change.name())
                    .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE,
                            "values", RESOURCE));
            values.put(definition.name(), checked(definition, change.value()));
        }
        List<SettingValue> all = new ArrayList<>();
        template.values().forEach(definition -> all.add(new SettingValue(definition.name(),
                values.getOrDefault(definition.name(), definition.defaultValue()))));
        return all;
    }

    private static String checked(GroupSettingTemplate.Value definition, String value) {
        String text = value.trim();
        boolean valid = switch (definition.type()) {
            case "System.Boolean" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            case "System.Guid" -> text.isEmpty() || GUID.matcher(text).matches();
            default -> value.length() <= STRING_MAX && SafeText.isSafe(value);
        };
        if (!valid) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, definition.name(), RESOURCE);
        }
        return definition.type().equals("System.String") ? value : text.toLowerCase(Locale.ROOT);
    }
}
