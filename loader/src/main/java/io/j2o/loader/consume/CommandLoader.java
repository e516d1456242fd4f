package io.j2o.loader.consume;

import io.j2o.loader.LoaderConfig;
import io.j2o.loader.upsert.Upserters;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JournalEntry;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.avro.PipelineStage;
import io.j2o.schemas.serde.PipelineSerdes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loader instance: a member of the loader consumer group on the command topic. Each polled batch runs
 * concurrently across keys and in order within a key; then its mappings, journal entries and dead letters are
 * flushed to Kafka, and only then are its offsets committed. A crash anywhere before the commit replays the batch,
 * which the idempotent upserters turn into no-ops.
 */
public final class CommandLoader implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLoader.class);

    private final LoaderConfig config;
    private final PipelineSerdes serdes;
    private final CommandApplier applier;
    private final MappingCache cache;
    private final LoaderListener listener;
    private final Clock clock;
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, OpenProjectCommand> consumer;

    public CommandLoader(LoaderConfig config, PipelineSerdes serdes, Upserters upserters, LoaderListener listener, Clock clock) {
        this.config = config;
        this.serdes = serdes;
        this.cache = new MappingCache();
        this.listener = listener;
        this.clock = clock;
        this.applier = new CommandApplier(upserters.byKind(), cache, listener, clock);
        this.workers = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "j2o-loader-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void run() {
        try (KafkaProducer<String, Object> producer = producer();
             KafkaConsumer<String, OpenProjectCommand> commands = consumer()) {
            loadMappingCache();
            consumer = commands;
            commands.subscribe(List.of(config.topics().commands()));
            while (running.get()) {
                ConsumerRecords<String, OpenProjectCommand> batch = poll(commands, producer);
                if (batch.isEmpty()) {
                    continue;
                }
                List<CommandResult> results = applyConcurrently(batch);
                publish(producer, results);
                producer.flush();
                commands.commitSync(nextOffsets(batch));
                listener.batchCommitted(batch.count());
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Asks the loop to stop after the batch in hand; uncommitted work is redone by whoever takes over. */
    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, OpenProjectCommand> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private ConsumerRecords<String, OpenProjectCommand> poll(KafkaConsumer<String, OpenProjectCommand> commands,
                                                            KafkaProducer<String, Object> producer) {
        try {
            return commands.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
            parkUnreadable(commands, producer, e);
            return ConsumerRecords.empty();
        }
    }

    /** A record that is not a command at all is parked by position, then skipped, so the partition keeps moving. */
    private void parkUnreadable(KafkaConsumer<String, OpenProjectCommand> commands, KafkaProducer<String, Object> producer,
                                RecordDeserializationException e) {
        TopicPartition tp = e.topicPartition();
        String key = tp + "@" + e.offset();
        LOG.warn("unreadable command parked in the dead-letter topic topic={} partition={} offset={} reason={}",
                tp.topic(), tp.partition(), e.offset(), e.getMessage());
        Instant now = clock.instant();
        DeadLetter deadLetter = DeadLetter.newBuilder()
                .setKey(key).setStage(PipelineStage.LOAD).setCategory("UNREADABLE_RECORD").setMessage(e.getMessage())
                .setAttempts(1).setFirstFailedAt(now).setLastFailedAt(now)
                .setSourceTopic(tp.topic()).setSourcePartition(tp.partition()).setSourceOffset(e.offset())
                .build();
        producer.send(new ProducerRecord<>(config.topics().deadLetters(), key, deadLetter));
        producer.flush();
        listener.deadLettered(deadLetter);
        commands.seek(tp, e.offset() + 1);
        commands.commitSync(Map.of(tp, new OffsetAndMetadata(e.offset() + 1)));
    }

    private List<CommandResult> applyConcurrently(ConsumerRecords<String, OpenProjectCommand> batch) {
        Map<String, List<ConsumerRecord<String, OpenProjectCommand>>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, OpenProjectCommand> record : batch) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
        List<Future<List<CommandResult>>> futures = new ArrayList<>();
        for (List<ConsumerRecord<String, OpenProjectCommand>> sameKey : byKey.values()) {
            futures.add(workers.submit(() -> sameKey.stream().map(applier::apply).toList()));
        }
        List<CommandResult> results = new ArrayList<>();
        for (Future<List<CommandResult>> future : futures) {
            results.addAll(await(future));
        }
        return results;
    }

    private static List<CommandResult> await(Future<List<CommandResult>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying commands", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void publish(KafkaProducer<String, Object> producer, List<CommandResult> results) {
        for (CommandResult result : results) {
            if (result.publishMapping()) {
                producer.send(new ProducerRecord<>(config.topics().mappings(), result.key(), result.mapping()));
            }
            if (result.journal() != null) {
                producer.send(new ProducerRecord<>(config.topics().journal(), result.key(), result.journal()));
            }
            if (result.deadLetter() != null) {
                producer.send(new ProducerRecord<>(config.topics().deadLetters(), result.key(), result.deadLetter()));
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, OpenProjectCommand> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : batch.partitions()) {
            List<ConsumerRecord<String, OpenProjectCommand>> records = batch.records(tp);
            offsets.put(tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void loadMappingCache() {
        Map<String, Object> props = kafkaProps();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Mapping> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                serdes.mappings().deserializer())) {
            cache.loadFrom(reader, config.topics().mappings());
        }
        LOG.info("loader mapping cache loaded mappings={}", cache.size());
    }

    private KafkaConsumer<String, OpenProjectCommand> consumer() {
        Map<String, Object> props = kafkaProps();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Commands are written by the transformer inside transactions: never act on an aborted one.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), serdes.commands().deserializer());
    }

    @SuppressWarnings("unchecked")
    private KafkaProducer<String, Object> producer() {
        Map<String, Object> props = kafkaProps();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new RoutingSerializer(Map.of(
                Mapping.class, serdes.mappings().serializer(),
                JournalEntry.class, serdes.journal().serializer(),
                DeadLetter.class, serdes.deadLetters().serializer())));
    }

    private Map<String, Object> kafkaProps() {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return props;
    }
}
