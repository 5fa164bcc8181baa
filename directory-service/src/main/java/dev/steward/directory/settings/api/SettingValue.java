package dev.steward.directory.settings.api;

import java.util.Objects;

/** One {@code settingValue} of a directory setting: a name of its template and the value as text. */
public record SettingValue(String name, String value) {

    public SettingValue {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
