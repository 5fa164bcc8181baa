package dev.steward.sync.soa;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.sync.directory.*}: where the directory's Graph API is, for reading what the sync engine cannot learn
 * from events alone (which groups' Source of Authority is in the cloud). No URL: no reconciliation.
 *
 * @param url     the directory's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param timeout for each request
 */
@ConfigurationProperties("steward.sync.directory")
public record DirectoryApiProperties(String url, @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
