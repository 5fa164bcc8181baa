package dev.steward.platform.kafka.access;

import static dev.steward.platform.kafka.access.KafkaPrincipal.AUDIT;
import static dev.steward.platform.kafka.access.KafkaPrincipal.COMMAND_SENDER;
import static dev.steward.platform.kafka.access.KafkaPrincipal.DIRECTORY;
import static dev.steward.platform.kafka.access.KafkaPrincipal.SELFSERVICE;
import static dev.steward.platform.kafka.access.KafkaPrincipal.SYNC;

import dev.steward.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The one table of who may write and read each topic. The launcher and the test support turn it into broker ACLs
 * ({@link #aclBindings()}); consumers use it to refuse a record whose {@code ce_source} is not the topic's producer
 * ({@link #expectedSource(String)}); the READMEs print it.
 *
 * <p>Derived rules: a principal that reads a topic reads it through its own consumer group only; a service that
 * reads a topic writes that topic's dead-letter topic ({@code <topic>-dlt}); every service may describe and create
 * the {@code steward.} topics (they declare them at start), which grants neither reading nor writing. Anything not
 * granted is refused; the super user ({@link BrokerSecurity#ADMIN}) is the operators' (dead letters, maintenance).
 */
public final class TopicAccess {

    /** One topic: who writes it and who reads it. */
    public record Rule(String topic, Set<KafkaPrincipal> writers, Set<KafkaPrincipal> readers) {
    }

    public static final List<Rule> TABLE = List.of(
            new Rule(Topics.DIRECTORY_COMMANDS, Set.of(SYNC, SELFSERVICE, COMMAND_SENDER), Set.of(DIRECTORY)),
            new Rule(Topics.DIRECTORY_COMMAND_RESULTS, Set.of(DIRECTORY), Set.of(SYNC, SELFSERVICE, COMMAND_SENDER,
                    AUDIT)),
            new Rule(Topics.DIRECTORY_EVENTS, Set.of(DIRECTORY), Set.of(SYNC, SELFSERVICE, AUDIT)),
            new Rule(Topics.SELFSERVICE_COMMANDS, Set.of(COMMAND_SENDER), Set.of(SELFSERVICE)),
            new Rule(Topics.SELFSERVICE_COMMAND_RESULTS, Set.of(SELFSERVICE), Set.of(COMMAND_SENDER)),
            new Rule(Topics.SELFSERVICE_EVENTS, Set.of(SELFSERVICE), Set.of(AUDIT, SELFSERVICE)),
            new Rule(Topics.SELFSERVICE_NOTIFICATIONS, Set.of(SELFSERVICE), Set.of(COMMAND_SENDER)),
            new Rule(Topics.SYNC_EVENTS, Set.of(SYNC), Set.of(AUDIT)));

    /** The prefix of every Steward topic. */
    public static final String TOPIC_PREFIX = "steward.";

    private TopicAccess() {
    }

    /** The rule of {@code topic}, or empty for a topic outside the table (dead-letter topics included). */
    public static Optional<Rule> rule(String topic) {
        return TABLE.stream().filter(rule -> rule.topic().equals(topic)).findFirst();
    }

    /**
     * The {@code ce_source} a record on {@code topic} must carry: the source of its one producing service. Empty for
     * topics that several principals write (commands: the sender is authenticated by the command's token instead)
     * and for topics outside the table.
     */
    public static Optional<String> expectedSource(String topic) {
        return rule(topic).filter(rule -> rule.writers().size() == 1)
                .map(rule -> rule.writers().iterator().next())
                .filter(KafkaPrincipal::isService)
                .map(KafkaPrincipal::source);
    }

    public static boolean mayWrite(KafkaPrincipal principal, String topic) {
        return aclBindings().contains(allow(principal, topic(topic), AclOperation.WRITE));
    }

    public static boolean mayRead(KafkaPrincipal principal, String topic) {
        return aclBindings().contains(allow(principal, topic(topic), AclOperation.READ));
    }

    /** Every ACL of the table (all ALLOW; whatever is not listed is denied). */
    public static List<AclBinding> aclBindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Rule rule : TABLE) {
            for (KafkaPrincipal writer : rule.writers()) {
                bindings.add(allow(writer, topic(rule.topic()), AclOperation.WRITE));
            }
            for (KafkaPrincipal reader : rule.readers()) {
                bindings.add(allow(reader, topic(rule.topic()), AclOperation.READ));
                if (reader.isService()) {
                    bindings.add(allow(reader, topic(Topics.deadLetter(rule.topic())), AclOperation.WRITE));
                }
            }
        }
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            if (principal.consumerGroup() != null) {
                bindings.add(allow(principal, new ResourcePattern(ResourceType.GROUP, principal.consumerGroup(),
                        PatternType.LITERAL), AclOperation.READ));
            }
            if (principal.isService()) {
                ResourcePattern allTopics = new ResourcePattern(ResourceType.TOPIC, TOPIC_PREFIX, PatternType.PREFIXED);
                bindings.add(allow(principal, allTopics, AclOperation.DESCRIBE));
                bindings.add(allow(principal, allTopics, AclOperation.CREATE));
            }
        }
        return bindings.stream().distinct().toList();
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static AclBinding allow(KafkaPrincipal principal, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + principal.userName(), "*", operation,
                AclPermissionType.ALLOW));
    }
}
