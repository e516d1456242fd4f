package io.j2o.loader.consume;

import io.j2o.loader.LoaderConfig;
import io.j2o.loader.ordering.KeyOrderedExecutor;
import io.j2o.loader.ordering.OffsetTracker;
import io.j2o.loader.upsert.Upserters;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JournalEntry;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.avro.PipelineStage;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.AcknowledgedSends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * One loader instance: a member of the loader consumer group on the command topic. The poll loop keeps feeding a
 * {@link KeyOrderedExecutor} (concurrent across keys, in order within a key, {@code loader.concurrency} in flight) and
 * pauses the partitions while too much is buffered. Finished commands have their mappings, journal entries and dead
 * letters sent by the poll thread; every commit is preceded by a producer flush and, per partition, stops at the
 * lowest offset not yet finished. A crash anywhere before a commit replays from there, which the idempotent
 * upserters turn into no-ops.
 */
public final class CommandLoader implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLoader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);
    private static final long COMMIT_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();
    /** How long a revocation or a stop waits for commands in flight before abandoning them to the next owner. */
    private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(60);
    private static final int BUFFERED_PER_SLOT = 16;
    private static final int MIN_BUFFERED = 1_000;

    /** A command taken on: the record and its place among its partition's offsets. */
    private record Work(ConsumerRecord<String, OpenProjectCommand> record, OffsetTracker.Ticket ticket) {
    }

    /** A command applied to OpenProject whose results the poll thread has yet to send. */
    private record Done(Work work, CommandResult result) {
    }

    private final LoaderConfig config;
    private final PipelineSerdes serdes;
    private final CommandApplier applier;
    private final MappingCache cache;
    private final LoaderListener listener;
    private final Clock clock;
    private final ExecutorService workers;
    private final KeyOrderedExecutor<Work> executor;
    private final OffsetTracker tracker = new OffsetTracker();
    private final Queue<Done> done = new ConcurrentLinkedQueue<>();
    private final int maxBuffered;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, OpenProjectCommand> consumer;
    private boolean paused;
    private long lastCommitNanos = System.nanoTime();

    public CommandLoader(LoaderConfig config, PipelineSerdes serdes, Upserters upserters, LoaderListener listener, Clock clock) {
        this.config = config;
        this.serdes = serdes;
        this.cache = new MappingCache();
        this.listener = listener;
        this.clock = clock;
        this.applier = new CommandApplier(upserters.byKind(), cache, listener, clock);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "j2o-loader-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor = new KeyOrderedExecutor<>(config.concurrency(), workers, this::apply);
        this.maxBuffered = Math.max(MIN_BUFFERED, BUFFERED_PER_SLOT * config.concurrency());
    }

    /**
     * Loads until closed. A command that fails with something other than a permanent error (OpenProject still
     * unavailable after {@code loader.maxAttempts} tries, lost credentials, a bug) stops the instance rather than
     * pausing and retrying it: the client has already backed off and retried, an outage that outlasts that hits every
     * key alike, and stopping hands the partitions to the other instances or to the restart policy, which resume
     * from the committed offset. Before stopping, what is safely done is committed; the failed command was never
     * finished, so its partition's commit stays at or below it. The failure is rethrown.
     */
    @Override
    public void run() {
        try (KafkaProducer<String, Object> kafkaProducer = producer();
             KafkaConsumer<String, OpenProjectCommand> commands = consumer()) {
            // A commit may only follow sends Kafka acknowledged: a failed send fails the flush before the commit.
            AcknowledgedSends<String, Object> producer = new AcknowledgedSends<>(kafkaProducer);
            loadMappingCache();
            consumer = commands;
            commands.subscribe(List.of(config.topics().commands()), new Rebalance(commands, producer));
            try {
                while (running.get() && executor.failure() == null) {
                    take(poll(commands, producer));
                    sendDone(producer);
                    if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
                        commit(commands, producer, tracker.toCommit());
                    }
                    applyBackpressure(commands);
                }
            } catch (WakeupException e) {
                if (running.get()) {
                    throw e;
                }
            }
            settle(commands, producer, work -> true, commands.assignment());
            rethrow(executor.failure());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Asks the loop to stop; commands in flight finish and are committed, waiting ones are redone by the next owner. */
    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            KafkaConsumer<String, OpenProjectCommand> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }
    }

    private void take(ConsumerRecords<String, OpenProjectCommand> records) {
        for (ConsumerRecord<String, OpenProjectCommand> record : records) {
            OffsetTracker.Ticket ticket = tracker.started(new TopicPartition(record.topic(), record.partition()), record.offset());
            executor.submit(record.key(), new Work(record, ticket));
        }
    }

    /** Runs on a worker thread. */
    private void apply(Work work) {
        ConsumerRecord<String, OpenProjectCommand> record = work.record();
        try {
            done.add(new Done(work, applier.apply(record)));
        } catch (RuntimeException e) {
            LOG.error("command failed, loader instance stops; its offset and later ones of its partition stay "
                            + "uncommitted key={} commandId={} partition={} offset={} reason={}", record.key(),
                    record.value().getCommandId(), record.partition(), record.offset(), e.toString());
            throw e;
        }
    }

    /** Sends the results of finished commands; only then may a commit (after a flush) cover their offsets. */
    private void sendDone(AcknowledgedSends<String, Object> producer) {
        for (Done next = done.poll(); next != null; next = done.poll()) {
            if (tracker.finished(next.work().ticket())) {
                publish(producer, next.result());
            } else {
                ConsumerRecord<String, OpenProjectCommand> record = next.work().record();
                LOG.warn("result dropped: the partition was revoked while the command ran; its next owner redoes it "
                        + "key={} partition={} offset={}", record.key(), record.partition(), record.offset());
            }
        }
    }

    private void commit(KafkaConsumer<String, OpenProjectCommand> commands, AcknowledgedSends<String, Object> producer,
                        Map<TopicPartition, OffsetAndMetadata> offsets) {
        lastCommitNanos = System.nanoTime();
        if (offsets.isEmpty()) {
            return;
        }
        producer.flush();
        try {
            commands.commitSync(offsets);
        } catch (WakeupException e) {
            // close() woke the consumer after the loop had already seen the stop: the commit still has to happen.
            commands.commitSync(offsets);
        }
        int covered = tracker.committed(offsets);
        if (covered > 0) {
            listener.batchCommitted(covered);
        }
    }

    /** Keeps polling (heartbeats, rebalances) but fetches nothing while the buffer is full. */
    private void applyBackpressure(KafkaConsumer<String, OpenProjectCommand> commands) {
        int buffered = tracker.unfinished();
        if (!paused && buffered >= maxBuffered) {
            commands.pause(commands.assignment());
            paused = true;
        } else if (paused && buffered <= maxBuffered / 2) {
            commands.resume(commands.paused());
            paused = false;
        }
    }

    /**
     * Gives up the given partitions cleanly: drops their waiting commands, waits (bounded) for those in flight, sends
     * their results, commits what is finished and forgets them.
     */
    private void settle(KafkaConsumer<String, OpenProjectCommand> commands, AcknowledgedSends<String, Object> producer,
                        Predicate<Work> which, Collection<TopicPartition> partitions) {
        executor.discard(which);
        try {
            if (!executor.awaitInFlight(which, IN_FLIGHT_TIMEOUT)) {
                LOG.warn("commands still in flight after {}; their partitions' commits stop before them", IN_FLIGHT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sendDone(producer);
        commit(commands, producer, tracker.toCommit(partitions));
        tracker.forget(partitions);
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    /** Commits what is safe of revoked partitions; lost ones (the group moved on without us) cannot be committed. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, OpenProjectCommand> commands;
        private final AcknowledgedSends<String, Object> producer;

        Rebalance(KafkaConsumer<String, OpenProjectCommand> commands, AcknowledgedSends<String, Object> producer) {
            this.commands = commands;
            this.producer = producer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (!revoked.isEmpty()) {
                LOG.info("partitions revoked, settling their commands partitions={}", revoked);
                settle(commands, producer, work -> revoked.contains(work.ticket().partition()), revoked);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (paused) {
                commands.pause(assigned);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            LOG.warn("partitions lost, their uncommitted commands are redone by the next owner partitions={}", lost);
            executor.discard(work -> lost.contains(work.ticket().partition()));
            tracker.forget(lost);
        }
    }

    private ConsumerRecords<String, OpenProjectCommand> poll(KafkaConsumer<String, OpenProjectCommand> commands,
                                                            AcknowledgedSends<String, Object> producer) {
        try {
            return commands.poll(POLL_TIMEOUT);
        } catch (RecordDeserializationException e) {
            parkUnreadable(commands, producer, e);
            return ConsumerRecords.empty();
        }
    }

    /**
     * A record that is not a command at all is parked by position, then skipped, so the partition keeps moving; it
     * counts as a finished offset, so the commit passes it only with everything before it.
     */
    private void parkUnreadable(KafkaConsumer<String, OpenProjectCommand> commands, AcknowledgedSends<String, Object> producer,
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
        OffsetTracker.Ticket ticket = tracker.started(tp, e.offset());
        producer.send(new ProducerRecord<>(config.topics().deadLetters(), key, deadLetter));
        tracker.finished(ticket);
        listener.deadLettered(deadLetter);
        commands.seek(tp, e.offset() + 1);
    }

    private void publish(AcknowledgedSends<String, Object> producer, CommandResult result) {
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
