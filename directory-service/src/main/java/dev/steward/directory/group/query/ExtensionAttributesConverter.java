package dev.steward.directory.group.query;

import dev.steward.directory.group.api.ExtensionAttributes;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a group's (or user's) extension attributes as a JSON object in one column of {@code group_view} (or
 * {@code user_view}); an object with none set (every cloud object) has no value in the column. The value is an
 * immutable record (no deep copies through JSON).
 */
@Converter
@Mutability(Immutability.class)
public class ExtensionAttributesConverter implements AttributeConverter<ExtensionAttributes, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(ExtensionAttributes attributes) {
        return toColumn(attributes);
    }

    /** The column value of {@code attributes}, for rows written with JDBC. */
    public static String toColumn(ExtensionAttributes attributes) {
        return attributes == null || !attributes.anySet() ? null : JSON.writeValueAsString(attributes);
    }

    @Override
    public ExtensionAttributes convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? ExtensionAttributes.NONE
                : JSON.readValue(column, ExtensionAttributes.class);
    }
}
