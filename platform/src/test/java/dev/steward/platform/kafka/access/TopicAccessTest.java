package dev.steward.platform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.Topics;
import org.junit.jupiter.api.Test;

class TopicAccessTest {

    @Test
    void expectsTheOwningServiceAsSourceOfEventAndResultTopics() {
        assertThat(TopicAccess.expectedSource(Topics.DIRECTORY_EVENTS)).contains("/steward/directory-service");
        assertThat(TopicAccess.expectedSource(Topics.DIRECTORY_COMMAND_RESULTS)).contains("/steward/directory-service");
        assertThat(TopicAccess.expectedSource(Topics.SELFSERVICE_EVENTS)).contains("/steward/selfservice-service");
        assertThat(TopicAccess.expectedSource(Topics.SELFSERVICE_NOTIFICATIONS)).contains("/steward/selfservice-service");
        assertThat(TopicAccess.expectedSource(Topics.SYNC_EVENTS)).contains("/steward/sync-service");
    }

    @Test
    void expectsNoSourceOnCommandTopicsWhichSeveralPrincipalsWrite() {
        assertThat(TopicAccess.expectedSource(Topics.DIRECTORY_COMMANDS)).isEmpty();
        assertThat(TopicAccess.expectedSource(Topics.SELFSERVICE_COMMANDS)).isEmpty();
        assertThat(TopicAccess.expectedSource("other.topic")).isEmpty();
    }

    @Test
    void letsOnlyTheOwnerWriteAnEventTopic() {
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            assertThat(TopicAccess.mayWrite(principal, Topics.DIRECTORY_EVENTS))
                    .as(principal.userName()).isEqualTo(principal == KafkaPrincipal.DIRECTORY);
        }
    }

    @Test
    void letsOnlyTheDirectoryReadItsCommandTopic() {
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            assertThat(TopicAccess.mayRead(principal, Topics.DIRECTORY_COMMANDS))
                    .as(principal.userName()).isEqualTo(principal == KafkaPrincipal.DIRECTORY);
        }
    }

    @Test
    void letsEveryConsumingServiceWriteTheDeadLetterTopicOfWhatItReads() {
        String deadLetters = Topics.deadLetter(Topics.DIRECTORY_EVENTS);
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SYNC, deadLetters)).isTrue();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SELFSERVICE, deadLetters)).isTrue();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.AUDIT, deadLetters)).isTrue();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.DIRECTORY, deadLetters)).isFalse();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.COMMAND_SENDER,
                Topics.deadLetter(Topics.DIRECTORY_COMMAND_RESULTS))).isFalse();
    }

    @Test
    void letsSelfServiceSendDirectoryCommandsAndReadTheirResultsButNotTheDirectoryEvents() {
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SELFSERVICE, Topics.DIRECTORY_COMMANDS)).isTrue();
        assertThat(TopicAccess.mayRead(KafkaPrincipal.SELFSERVICE, Topics.DIRECTORY_COMMAND_RESULTS)).isTrue();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SELFSERVICE, Topics.deadLetter(Topics.DIRECTORY_COMMAND_RESULTS)))
                .isTrue();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SELFSERVICE, Topics.DIRECTORY_COMMAND_RESULTS)).isFalse();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SELFSERVICE, Topics.DIRECTORY_EVENTS)).isFalse();
    }

    @Test
    void letsTheAuditServiceReadTheDirectorysCommandResultsButNotItsCommands() {
        assertThat(TopicAccess.mayRead(KafkaPrincipal.AUDIT, Topics.DIRECTORY_COMMAND_RESULTS)).isTrue();
        assertThat(TopicAccess.mayRead(KafkaPrincipal.AUDIT, Topics.DIRECTORY_COMMANDS)).isFalse();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.AUDIT, Topics.DIRECTORY_COMMAND_RESULTS)).isFalse();
    }

    @Test
    void letsSelfServiceReadItsOwnEventsToNotifyAndOnlySelfServiceWriteNotifications() {
        assertThat(TopicAccess.mayRead(KafkaPrincipal.SELFSERVICE, Topics.SELFSERVICE_EVENTS)).isTrue();
        assertThat(TopicAccess.mayWrite(KafkaPrincipal.SELFSERVICE, Topics.SELFSERVICE_NOTIFICATIONS)).isTrue();
        assertThat(TopicAccess.mayRead(KafkaPrincipal.COMMAND_SENDER, Topics.SELFSERVICE_NOTIFICATIONS)).isTrue();
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            if (principal != KafkaPrincipal.SELFSERVICE) {
                assertThat(TopicAccess.mayWrite(principal, Topics.SELFSERVICE_NOTIFICATIONS)).as(principal.name())
                        .isFalse();
            }
        }
    }
}
