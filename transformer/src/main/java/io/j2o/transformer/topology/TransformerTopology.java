package io.j2o.transformer.topology;

import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.ReplayEpochs;
import io.j2o.schemas.topics.Topics;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.rules.MappingRules;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The transformer as a Kafka Streams topology.
 *
 * <pre>
 * j2o.jira.*  ──► detect-changes (checksums, ──► j2o.op.commands            (all references resolved)
 *                   child lists)             ├─► j2o.transformer.references (keyed by the missing reference)
 *                                            └─► j2o.op.dlq                 (unreadable or unmappable)
 * j2o.transformer.references ──► await-reference ─┐ (mappings, pending) ──► j2o.op.commands | references
 * j2o.op.mappings            ──► mapping-arrived ─┘ ──► j2o.op.mappings (aliases: issue_key:<KEY>, user_name:<name>)
 * </pre>
 *
 * The reference topic and the mapping topic have the same partition count and key space, so the task that holds
 * a mapping also holds every command waiting for it. Soft references (issue keys, mentions, inline images in text)
 * travel the same path after the hard ones but never hold a command back: a task without the mapping sends the
 * command on with fallback text and keeps a copy (store {@code text-pending}) to send again, resolved, on arrival.
 */
public final class TransformerTopology {

    private TransformerTopology() {
    }

    /** @param epochs the replay epochs in force: part of every command's checksum (see {@code j2o replay --force}) */
    public static Topology build(Topics topics, PipelineSerdes serdes, MappingRules rules, TransformerCounters counters,
                                 ReplayEpochs epochs) {
        StringDeserializer keys = new StringDeserializer();
        StringSerializer keyWriter = new StringSerializer();
        Topology topology = new Topology();

        topology.addSource("jira-events", keys, serdes.events().deserializer(), topics.jiraTopics().toArray(String[]::new));
        topology.addProcessor("detect-changes", () -> new ChangeDetector(rules, counters, epochs), "jira-events");
        topology.addStateStore(persistent(StoreNames.CHECKSUMS, Serdes.String()), "detect-changes");
        topology.addStateStore(persistent(StoreNames.CHILD_LISTS, Serdes.String()), "detect-changes");

        topology.addSource("awaiting", keys, serdes.commands().deserializer(), topics.transformerReferences());
        topology.addSource("mappings", keys, serdes.mappings().deserializer(), topics.mappings());
        topology.addProcessor("await-reference", () -> new AwaitingCommandProcessor(counters), "awaiting");
        topology.addProcessor("mapping-arrived", () -> new MappingArrivalProcessor(counters), "mappings");
        topology.addStateStore(persistent(StoreNames.MAPPINGS, serdes.mappings()), "await-reference", "mapping-arrived");
        topology.addStateStore(persistent(StoreNames.PENDING, serdes.commands()), "await-reference", "mapping-arrived");
        topology.addStateStore(persistent(StoreNames.TEXT_PENDING, serdes.commands()), "await-reference", "mapping-arrived");

        String[] routers = {"detect-changes", "await-reference", "mapping-arrived"};
        topology.addSink(CommandRouter.COMMANDS_SINK, topics.commands(), keyWriter, cast(serdes.commands().serializer()), routers);
        topology.addSink(CommandRouter.REFERENCES_SINK, topics.transformerReferences(), keyWriter,
                cast(serdes.commands().serializer()), routers);
        topology.addSink(MappingArrivalProcessor.ALIAS_SINK, topics.mappings(), keyWriter,
                cast(serdes.mappings().serializer()), "mapping-arrived");
        topology.addSink(ChangeDetector.DEAD_LETTER_SINK, topics.deadLetters(), keyWriter,
                cast(serdes.deadLetters().serializer()), "detect-changes");
        return topology;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> persistent(
            String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** Processors forward Object values; each sink only ever receives the type its serializer writes. */
    @SuppressWarnings("unchecked")
    private static Serializer<Object> cast(Serializer<?> serializer) {
        return (Serializer<Object>) serializer;
    }
}
