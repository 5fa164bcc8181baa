package dev.steward.sync.support;

/** A row with its sequence number, the position used by {@code $skiptoken} paging. */
public record Sequenced<T>(long seq, T value) {
}
