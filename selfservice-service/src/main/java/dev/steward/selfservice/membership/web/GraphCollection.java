package dev.steward.selfservice.membership.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Graph's collection shape: {@code @odata.context}, {@code value}, and {@code @odata.nextLink} when more follow. */
@JsonPropertyOrder({"@odata.context", "value", "@odata.nextLink"})
public record GraphCollection<T>(
        @JsonProperty("@odata.context") String context,
        @JsonProperty("value") List<T> value,
        @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink) {
}
