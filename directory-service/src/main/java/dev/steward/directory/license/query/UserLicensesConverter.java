package dev.steward.directory.license.query;

import dev.steward.directory.license.api.UserLicense;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Stores a user's licences as a JSON array in {@code user_view.assigned_licenses}; no column value means none. */
@Converter
public class UserLicensesConverter implements AttributeConverter<List<UserLicense>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<UserLicense> licenses) {
        return toColumn(licenses);
    }

    /** The column value of {@code licenses}, for rows written with JDBC. */
    public static String toColumn(List<UserLicense> licenses) {
        return licenses == null || licenses.isEmpty() ? null : JSON.writeValueAsString(licenses);
    }

    @Override
    public List<UserLicense> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.asList(JSON.readValue(column, UserLicense[].class));
    }
}
