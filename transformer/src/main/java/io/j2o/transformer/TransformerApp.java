package io.j2o.transformer;

import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.ReplayEpochs;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.topology.TransformerTopology;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.topology.StoreNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running transformer: the topology inside a Kafka Streams instance with exactly-once processing. */
public final class TransformerApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransformerApp.class);

    private final KafkaStreams streams;
    private final TransformerCounters counters;

    public TransformerApp(TransformerConfig config, PipelineSerdes serdes, MappingRules rules) {
        this.counters = new TransformerCounters();
        ReplayEpochs epochs = replayEpochs(config);
        LOG.info("replay epochs in force: {}", epochs.byScope());
        this.streams = new KafkaStreams(TransformerTopology.build(config.topics(), serdes, rules, counters, epochs),
                properties(config));
        streams.setStateListener((now, before) -> LOG.info("transformer state {} -> {}", before, now));
        // A failure that escapes the topology is a bug, not bad input (that is dead-lettered): stop visibly
        // rather than let a replacement thread loop over the same record.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("transformer stopped by an unexpected failure: {}", e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Read once at start: {@code j2o replay --force} bumps them while the transformer is stopped. */
    private static ReplayEpochs replayEpochs(TransformerConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            return ReplayEpochs.read(consumer, config.topics().replayEpochs());
        }
    }

    static Properties properties(TransformerConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafkaProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        // A command checks its references one hop at a time through the references topic, each hop visible to the next
        // task only once the transaction commits: an issue update took ~8 hops, 1.6 s at 200 ms, 0.8 s at 50 ms
        // (the 2000-issue demo's throughput did not move measurably). Overridable through the Kafka properties.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // A record that is not Avro at all is logged with its position and skipped; content errors are dead-lettered.
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        return props;
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Every command of this instance still waiting for a reference: command key → the key of the entity it waits
     * for. A reference that never arrives stays here, visible, until it does or an operator acts. Empty while the
     * stores are being moved between instances (a rebalance): ask again.
     */
    public Map<String, String> waitingCommands() {
        Map<String, String> waiting = new TreeMap<>();
        try {
            ReadOnlyKeyValueStore<String, OpenProjectCommand> pending = streams.store(
                    StoreQueryParameters.fromNameAndType(StoreNames.PENDING, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, OpenProjectCommand> all = pending.all()) {
                all.forEachRemaining(entry -> {
                    int bar = entry.key.indexOf('|');
                    waiting.put(entry.key.substring(bar + 1), entry.key.substring(0, bar));
                });
            }
        } catch (InvalidStateStoreException e) {
            return Map.of();
        }
        return waiting;
    }

    /** False once the transformer has stopped or failed; it does not restart by itself. */
    public boolean isAlive() {
        KafkaStreams.State state = streams.state();
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED;
    }

    public TransformerCounters counters() {
        return counters;
    }

    /**
     * Stops and leaves the consumer group at once, so the next instance (a scheduled {@code j2o run --once}, a
     * restart) gets the partitions now instead of after the session timeout of the member that went away.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
