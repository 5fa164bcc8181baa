package dev.steward.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * How HTTP request bodies are read, in every service: a property named twice, an unknown property of a typed body
 * and anything after the JSON value are a 400. Instance annotations ({@code @odata.type},
 * {@code members@odata.bind}: any name with an {@code @}) are not unknown properties; a body type that wants them
 * declares them. Only reading is stricter: Kafka consumers keep ignoring properties they do not know, and responses
 * are written as before.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class GraphJsonBodies implements WebMvcConfigurer {

    private final JsonMapper mapper;

    public GraphJsonBodies(JsonMapper jsonMapper) {
        this.mapper = strict(jsonMapper);
    }

    /** The reader of request bodies built from the service's own mapper. */
    public static JsonMapper strict(JsonMapper jsonMapper) {
        return jsonMapper.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                         ValueDeserializer<?> deserializer, Object beanOrClass,
                                                         String propertyName) {
                        if (propertyName.contains("@")) {
                            parser.skipChildren();
                            return true;
                        }
                        return false;
                    }
                })
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(mapper));
    }
}
