package dev.steward.sync.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.sync.deletions.*}: how far a full read may go in deleting objects it did not find again.
 *
 * @param threshold the most objects one full read may delete; when more are missing the cycle exports none of those
 *                  deletions and says so in the log (like Entra Connect's accidental-deletes prevention). Zero or
 *                  negative: no limit.
 */
@ConfigurationProperties("steward.sync.deletions")
public record DeletionProperties(@DefaultValue("500") int threshold) {
}
