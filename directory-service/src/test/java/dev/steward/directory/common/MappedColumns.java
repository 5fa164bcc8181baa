package dev.steward.directory.common;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * The columns of an entity as its JPA mapping names them (with Spring Boot's naming strategy), and the columns an
 * INSERT statement lists: a read model inserted with JDBC must write every mapped column.
 */
public final class MappedColumns {

    private static final Pattern INSERT = Pattern.compile("INSERT INTO \\w+ \\(([^)]*)\\) VALUES \\(([^)]*)\\)");

    private MappedColumns() {
    }

    public static Set<String> of(Class<?> entity) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .build();
        try {
            Metadata metadata = new MetadataSources(registry).addAnnotatedClass(entity).getMetadataBuilder()
                    .applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
                    .build();
            PersistentClass mapping = metadata.getEntityBinding(entity.getName());
            Set<String> columns = new LinkedHashSet<>();
            mapping.getIdentifier().getColumns().forEach(column -> columns.add(name(column)));
            for (Property property : mapping.getPropertyClosure()) {
                property.getColumns().forEach(column -> columns.add(name(column)));
            }
            return columns;
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** The columns {@code insert} lists; fails unless it binds one parameter per column. */
    public static Set<String> inserted(String insert) {
        Matcher matcher = INSERT.matcher(insert);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a single-row INSERT: " + insert);
        }
        String[] columns = matcher.group(1).split(",");
        long parameters = matcher.group(2).chars().filter(c -> c == '?').count();
        if (parameters != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns but " + parameters + " parameters: " + insert);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String column : columns) {
            names.add(column.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String name(Column column) {
        return column.getName().toLowerCase(Locale.ROOT);
    }
}
