package dev.steward.directory.common;

/**
 * The processing group of every handler that keeps a read table in the events' own transaction (a subscribing
 * processor): one processor for all of them, so each event is dispatched once, not once per read model.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    private ReadModels() {
    }
}
