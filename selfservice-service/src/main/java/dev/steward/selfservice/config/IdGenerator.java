package dev.steward.selfservice.config;

import java.util.UUID;

/** New ids for requests and events; a bean so that tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {

    UUID newId();

    static IdGenerator random() {
        return UUID::randomUUID;
    }
}
