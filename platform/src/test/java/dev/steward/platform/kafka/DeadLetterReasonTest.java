package dev.steward.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.MalformedMessageException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DeserializationException;

class DeadLetterReasonTest {

    @Test
    void tagsAMalformedRecordWithTheContractsExceptionNotTheParsersCause() {
        var parser = new IllegalStateException("Unexpected end-of-input");
        var failure = new DeserializationException("failed", new byte[0], false,
                new SerializationException("malformed", new MalformedMessageException("malformed RequestMembership", parser)));

        assertThat(KafkaPlumbing.reasonClass(failure)).isEqualTo("MalformedMessageException");
    }

    @Test
    void tagsAnyOtherFailureWithItsRootCause() {
        var failure = new DeserializationException("failed", new byte[0], false,
                new SerializationException("record on t has ce_source '/x'"));

        assertThat(KafkaPlumbing.reasonClass(failure)).isEqualTo("SerializationException");
        assertThat(KafkaPlumbing.reasonClass(new IllegalArgumentException("bad"))).isEqualTo("IllegalArgumentException");
    }
}
