package dev.steward.directory.common;

/** Makes ids for new objects; injected so that aggregates and tests never depend on randomness. */
@FunctionalInterface
public interface IdGenerator {

    String newId();
}
