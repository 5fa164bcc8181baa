package dev.steward.directory.group.api;

/** What a directory object is, as a member of a group. */
public enum ObjectType {
    USER("user"), GROUP("group");

    private final String graphName;

    ObjectType(String graphName) {
        this.graphName = graphName;
    }

    /** Graph's type name without its namespace: {@code user}, {@code group}. */
    public String graphName() {
        return graphName;
    }
}
