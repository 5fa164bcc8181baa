package dev.steward.directory.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a list of strings (ids, group types) as a JSON array in one column of a read model. The lists are replaced,
 * never changed in place, so Hibernate need not deep-copy them through JSON on every persist and dirty check.
 */
@Converter
@Mutability(Immutability.class)
public class StringListConverter implements AttributeConverter<List<String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return toColumn(values);
    }

    /** The column value of {@code values}, for rows written with JDBC. */
    public static String toColumn(List<String> values) {
        return JSON.writeValueAsString(values == null ? List.of() : values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, LIST));
    }
}
