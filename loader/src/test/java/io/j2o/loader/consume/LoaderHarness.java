package io.j2o.loader.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.LoaderConfig;
import io.j2o.loader.jira.JiraAttachmentSource;
import io.j2o.loader.jira.JiraCredentials;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.upsert.Upserters;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.Lineage;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.registry.SchemaRegistryConfig;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.TopicProvisioner;
import io.j2o.schemas.topics.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the loader's integration tests and benchmark share: an OpenProject simulator, an embedded registry, the
 * topics under a prefix of their own, commands to produce, loaders to start and the group's committed offsets.
 */
final class LoaderHarness implements AutoCloseable {

    static final String JIRA_KEY_FIELD = "customField1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final OpenProjectSimulator openProject;
    final EmbeddedSchemaRegistry registry;
    final PipelineSerdes serdes;
    final OpenProjectClient client;
    final Topics topics;
    private final EmbeddedKafka kafka;
    private final Admin admin;
    private volatile JiraSimulator jira;

    /** @param maxAttempts tries per OpenProject request before the loader gives up on a transient failure */
    LoaderHarness(EmbeddedKafka kafka, String prefix, int partitions, int maxAttempts) {
        this.kafka = kafka;
        this.topics = new Topics(prefix);
        this.openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults(prefix + "key")).start();
        this.registry = EmbeddedSchemaRegistry.inMemory().start();
        this.serdes = PipelineSerdes.using(new RestSchemaRegistryClient(SchemaRegistryConfig.of(registry.baseUrl())));
        this.client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), maxAttempts);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        ensureTopics(partitions);
    }

    private void ensureTopics(int partitions) {
        new TopicProvisioner(admin, (short) 1).ensure(topics.all(partitions));
    }

    /** Creates a project straight in OpenProject and returns its href, for work packages to point at. */
    String createProject(String identifier) {
        return create("/api/v3/projects", JSON.createObjectNode().put("identifier", identifier).put("name", identifier));
    }

    /** Creates a work package straight in OpenProject and returns its href, for comments to point at. */
    String createWorkPackage(String projectHref, String jiraKey) {
        ObjectNode body = JSON.createObjectNode().put("subject", jiraKey).put(JIRA_KEY_FIELD, jiraKey);
        body.putObject("_links").putObject("project").put("href", projectHref);
        return create("/api/v3/work_packages", body);
    }

    /** An upsert of Jira comment {@code jiraCommentId} on the work package at {@code workPackageHref}. */
    static OpenProjectCommand comment(long jiraCommentId, String issueKey, String text, String workPackageHref) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("comment").put("raw", CommentMarker.append(text, Long.toString(jiraCommentId)));
        body.putObject("_links").putObject("workPackage").put("href", workPackageHref);
        return command(CommandKind.COMMENT, jiraCommentId, issueKey, "sum-" + jiraCommentId + "-" + text, body);
    }

    static String workPackageKey(long jiraId) {
        return "work_package:" + jiraId;
    }

    /** An upsert of the work package of Jira issue {@code jiraKey}; {@code version} names both subject and checksum. */
    static OpenProjectCommand workPackage(long jiraId, String jiraKey, String version, String projectHref) {
        ObjectNode body = JSON.createObjectNode().put("subject", version).put(JIRA_KEY_FIELD, jiraKey);
        body.putObject("_links").putObject("project").put("href", projectHref);
        return command(CommandKind.WORK_PACKAGE, jiraId, jiraKey, "sum-" + jiraKey + "-" + version, body);
    }

    static OpenProjectCommand project(long jiraId, String identifier) {
        ObjectNode body = JSON.createObjectNode().put("identifier", identifier).put("name", identifier);
        return command(CommandKind.PROJECT, jiraId, identifier.toUpperCase(), "sum-" + identifier, body);
    }

    /** An upsert of {@code kind} for Jira entity {@code jiraId} with {@code body}, keyed as the transformer keys it. */
    static Map.Entry<String, OpenProjectCommand> upsert(CommandKind kind, long jiraId, ObjectNode body) {
        String key = kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + jiraId;
        return Map.entry(key, command(kind, jiraId, key, "sum-" + key, body));
    }

    /** Posts {@code body} straight to OpenProject and returns the new resource's href. */
    String create(String path, ObjectNode body) {
        return client.post(path, body).path("_links").path("self").path("href").asText();
    }

    private static OpenProjectCommand command(CommandKind kind, long jiraId, String jiraKey, String checksum, ObjectNode body) {
        return OpenProjectCommand.newBuilder()
                .setCommandId(jiraKey + "/" + checksum).setKind(kind).setAction(CommandAction.UPSERT)
                .setJiraId(Long.toString(jiraId)).setJiraKey(jiraKey).setChecksum(checksum).setTransformVersion(1)
                .setBody(body.toString()).setLineage(new Lineage("test", 0, 0L))
                .build();
    }

    /**
     * Sends the commands in order and waits until all are acknowledged; keys pick partitions as in production. One
     * request in flight: on a partition created a moment ago, a first batch refused with NOT_LEADER while later ones
     * were accepted leaves the idempotent producer retrying an out-of-order sequence for ever.
     */
    void produce(List<Map.Entry<String, OpenProjectCommand>> commands) {
        try (KafkaProducer<String, OpenProjectCommand> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), serdes.commands().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, OpenProjectCommand> command : commands) {
                sent.add(producer.send(new ProducerRecord<>(topics.commands(), command.getKey(), command.getValue())));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("commands not produced", e.getCause());
        }
    }

    CommandLoader loader(String groupId, int concurrency, LoaderListener listener) {
        LoaderConfig config = new LoaderConfig(kafka.bootstrapServers(), groupId, topics, openProject.baseUrl(),
                openProject.apiKey(), JIRA_KEY_FIELD, concurrency, 3, Map.of());
        Upserters upserters = Upserters.forOpenProject(client, JIRA_KEY_FIELD);
        JiraSimulator started = jira;
        if (started != null) {
            upserters = upserters.with(CommandKind.ATTACHMENT, Upserters.attachments(client, new JiraAttachmentSource(
                    JiraCredentials.basic(started.baseUrl(), started.options().email(), started.options().apiToken()))));
        }
        return new CommandLoader(config, serdes, upserters, listener, Clock.systemUTC());
    }

    /**
     * The smallest attachment of a Jira simulator started on first use; loaders made after that read attachment
     * bytes from it.
     */
    synchronized JsonNode smallJiraAttachment() {
        if (jira == null) {
            jira = new JiraSimulator(new DatasetGenerator(7).generate(1, 40), JiraSimulator.Options.defaults()).start();
        }
        List<JsonNode> attachments = new ArrayList<>();
        jira.issues().forEach(issue -> issue.path("fields").path("attachment").forEach(attachments::add));
        return attachments.stream().min(java.util.Comparator.comparingLong(a -> a.path("size").asLong())).orElseThrow();
    }

    /** The group's committed offset per partition of the command topic (partitions without a commit are absent). */
    Map<Integer, Long> committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> byPartition = new HashMap<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null && tp.topic().equals(topics.commands())) {
                    byPartition.put(tp.partition(), offset.offset());
                }
            });
            return byPartition;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many members of the group have partitions assigned. */
    int assignedMembers(String groupId) {
        try {
            return (int) admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty())
                    .count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0; // nobody has joined yet
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether the group has committed every command the topic holds. */
    boolean allCommitted(String groupId) {
        return committed(groupId).equals(endOffsets());
    }

    /** The end offset of every non-empty partition of the command topic. */
    Map<Integer, Long> endOffsets() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(topics.commands())).allTopicNames().get().get(topics.commands()).partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topics.commands(), p.partition())));
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .filter(e -> e.getValue().offset() > 0)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
        openProject.close();
        if (jira != null) {
            jira.close();
        }
        registry.close();
    }
}
