package dev.steward.directory.config;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * Axon's JPA entities map their payloads as {@code @Lob byte[]}, which Hibernate 7 stores in PostgreSQL large
 * objects ({@code oid}): they are not deleted with their rows and break {@code ddl-auto=validate} against the
 * Flyway schema. These dialects store every such LOB as plain bytes ({@code BYTEA} on PostgreSQL,
 * {@code BINARY VARYING} on H2), chosen by {@link Resolver} (property {@code hibernate.dialect_resolvers}).
 */
public final class ByteaDialects {

    private ByteaDialects() {
    }

    /** Picks the BYTEA dialect for PostgreSQL and H2; other databases fall through to Hibernate's choice. */
    public static class Resolver implements DialectResolver {

        @Override
        public Dialect resolveDialect(DialectResolutionInfo info) {
            String database = info.getDatabaseName();
            if ("PostgreSQL".equalsIgnoreCase(database)) {
                return new Postgres(info);
            }
            if ("H2".equalsIgnoreCase(database)) {
                return new H2(info);
            }
            return null;
        }
    }

    public static class Postgres extends PostgreSQLDialect {

        public Postgres(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        protected String columnType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
        }

        @Override
        protected String castType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
        }

        @Override
        public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
            super.contributeTypes(typeContributions, serviceRegistry);
            typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
        }
    }

    public static class H2 extends H2Dialect {

        public H2(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        protected String columnType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.columnType(sqlTypeCode);
        }

        @Override
        public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
            super.contributeTypes(typeContributions, serviceRegistry);
            typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
        }
    }
}
