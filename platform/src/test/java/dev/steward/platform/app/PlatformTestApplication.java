package dev.steward.platform.app;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.web.GraphException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the platform, to test its edges; it runs as self-service on the broker. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final List<ContractMessage> RECEIVED = new CopyOnWriteArrayList<>();
    public static final List<ContractMessage> RECEIVED_EVENTS = new CopyOnWriteArrayList<>();

    @RestController
    static class ProbeController {

        @GetMapping("/probe")
        Map<String, Object> probe() {
            Caller caller = Callers.current();
            if (!caller.hasPermission(Permissions.GROUP_READ_ALL)) {
                throw new AccessDeniedException();
            }
            return Map.of("userId", caller.userId());
        }

        @PostMapping("/probe")
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            if (!body.containsKey("name")) {
                throw GraphException.badRequest("A name is required.");
            }
            return body;
        }

        @PostMapping(path = "/probe/typed", consumes = "application/json")
        TypedProbe typed(@RequestBody TypedProbe body) {
            return body;
        }
    }

    /** A typed request body: unknown properties are refused, instance annotations are not. */
    public record TypedProbe(String name) {
    }

    @KafkaListener(topics = Topics.SELFSERVICE_COMMANDS)
    void on(ConsumerRecord<String, ContractMessage> record) {
        RECEIVED.add(record.value());
    }

    @KafkaListener(topics = Topics.DIRECTORY_EVENTS)
    void onEvent(ConsumerRecord<String, ContractMessage> record) {
        RECEIVED_EVENTS.add(record.value());
    }
}
