package io.j2o.schemas.topics;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends through a producer and makes {@link #flush()} fail when any send since the last flush failed. A plain
 * {@code producer.flush()} returns even when records were not written, and a checkpoint taken after it (a
 * watermark, a committed offset) would then claim what Kafka does not hold.
 */
public final class AcknowledgedSends<K, V> {

    private final Producer<K, V> producer;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public AcknowledgedSends(Producer<K, V> producer) {
        this.producer = producer;
    }

    public void send(ProducerRecord<K, V> record) {
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                firstFailure.compareAndSet(null, new KafkaException("could not write to " + record.topic() + ": " + failure, failure));
            }
        });
    }

    /** Blocks until every record sent so far is acknowledged; throws if any of them was not. */
    public void flush() {
        producer.flush();
        Exception failure = firstFailure.getAndSet(null);
        if (failure != null) {
            throw failure instanceof KafkaException kafka ? kafka : new KafkaException(failure);
        }
    }
}
