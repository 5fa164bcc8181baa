package dev.steward.audit.directoryaudit.projection;

/**
 * The tables one projection writes: its entries, their target rows and the group names it keeps. The service reads
 * and writes {@link #LIVE}; a rebuild fills a second set and then takes the live names (see
 * {@code dev.steward.audit.rebuild}). Names come from code only, never from a request.
 */
public record ProjectionTables(String entries, String targets, String groups) {

    public static final ProjectionTables LIVE = new ProjectionTables("directory_audit", "directory_audit_target",
            "audit_group");

    /** The live names with {@code suffix} appended, e.g. {@code directory_audit_rebuild}. */
    public static ProjectionTables suffixed(String suffix) {
        if (!suffix.matches("_[a-z0-9_]+")) {
            throw new IllegalArgumentException("a table suffix is _ and lower-case letters, digits or _: " + suffix);
        }
        return new ProjectionTables(LIVE.entries + suffix, LIVE.targets + suffix, LIVE.groups + suffix);
    }
}
