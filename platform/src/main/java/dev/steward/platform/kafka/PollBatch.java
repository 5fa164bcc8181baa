package dev.steward.platform.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MalformedMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The one way a batch listener applies a poll. The records are read in order until one cannot be
 * ({@code read} throws, e.g. {@link #valueOf}); the readable ones before it are applied together
 * ({@code applyAll}, typically one transaction). If that fails, they are applied one at a time ({@code applyOne}) and
 * the first that fails is named to the platform's error handler ({@link BatchListenerFailedException}): the handler
 * commits the records before it, retries or dead-letters it with its reason, and delivers the rest again. An
 * unreadable record is named the same way once the records before it are applied. An applier that already knows the
 * record at fault throws its own {@link BatchListenerFailedException}, which is passed on as it is.
 *
 * @param <T> what a record is read as
 */
public final class PollBatch<T> {

    private static final LogAccessor LOG = new LogAccessor(PollBatch.class);

    private final Function<ConsumerRecord<String, ContractMessage>, T> read;
    private final Consumer<List<T>> applyAll;
    private final Consumer<T> applyOne;

    private PollBatch(Function<ConsumerRecord<String, ContractMessage>, T> read, Consumer<List<T>> applyAll,
                      Consumer<T> applyOne) {
        this.read = read;
        this.applyAll = applyAll;
        this.applyOne = applyOne;
    }

    /**
     * @param read     a record's value as the listener applies it; throws, with the reason, for a record that cannot be
     * @param applyAll applies the readable records of a poll together
     * @param applyOne applies one of them alone, when applying them together failed
     */
    public static <T> PollBatch<T> of(Function<ConsumerRecord<String, ContractMessage>, T> read,
                                      Consumer<List<T>> applyAll, Consumer<T> applyOne) {
        return new PollBatch<>(read, applyAll, applyOne);
    }

    /** Applies one poll's records. */
    public void apply(List<ConsumerRecord<String, ContractMessage>> records) {
        List<T> readable = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, ContractMessage> record : records) {
            try {
                readable.add(read.apply(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        applyReadable(readable);
        if (unreadable != null) {
            throw failed(unreadable, readable.size());
        }
    }

    private void applyReadable(List<T> readable) {
        if (readable.isEmpty()) {
            return;
        }
        try {
            applyAll.accept(readable);
            return;
        } catch (BatchListenerFailedException named) {
            throw named;
        } catch (RuntimeException together) {
            LOG.warn("applying " + readable.size() + " records together failed (" + together
                    + "); applying them one at a time");
            LOG.debug(together, "applying the records together failed");
        }
        for (int index = 0; index < readable.size(); index++) {
            try {
                applyOne.accept(readable.get(index));
            } catch (BatchListenerFailedException named) {
                throw named;
            } catch (RuntimeException alone) {
                throw failed(alone, index);
            }
        }
    }

    /**
     * The record's value if it is a {@code kind}; otherwise a {@link MalformedMessageException} saying so, or the
     * deserializer's exception if the record could not be read at all.
     */
    public static <M extends ContractMessage> M valueOf(ConsumerRecord<String, ContractMessage> record, Class<M> kind) {
        DeserializationException notRead = deserializationFailure(record);
        if (notRead != null) {
            throw notRead;
        }
        ContractMessage value = record.value();
        if (!kind.isInstance(value)) {
            throw new MalformedMessageException("the record holds " + (value == null ? "no value"
                    : "a " + value.getClass().getSimpleName()) + "; " + record.topic() + " carries only "
                    + kind.getSimpleName() + " records here");
        }
        return kind.cast(value);
    }

    /** Why the deserializer could not read the record's value, or null if it could. */
    public static DeserializationException deserializationFailure(ConsumerRecord<?, ?> record) {
        return SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                LOG);
    }

    private static BatchListenerFailedException failed(RuntimeException cause, int index) {
        return new BatchListenerFailedException(cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage(), cause, index);
    }
}
