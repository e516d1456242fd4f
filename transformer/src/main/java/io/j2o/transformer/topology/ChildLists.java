package io.j2o.transformer.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per issue and kind of child (comments, time entries, relations), the children its payload listed last time, each
 * with the body of the command that removes it: Jira has no deletion feed for them, so a child that disappears from
 * a complete list is how a removal shows, and the payload then no longer says what the child was.
 */
final class ChildLists {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeyValueStore<String, String> store;

    ChildLists(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /**
     * The removals of the children listed last time and missing now, and remembers the current list. A truncated
     * list proves nothing about what it lacks, so it removes nothing and only adds to what is remembered; telling
     * removals apart there needs every child fetched, which is the extractor's job.
     */
    List<CommandDraft> removedSince(String issueRecordKey, IssueChildren children) {
        String key = storeKey(issueRecordKey, children.kind());
        Map<String, JsonNode> previous = parse(store.get(key));
        Map<String, JsonNode> current = new LinkedHashMap<>();
        children.children().forEach(child -> current.put(child.removal().jiraId(), child.removal().body()));
        if (!children.complete()) {
            previous.putAll(current);
            remember(key, previous);
            return List.of();
        }
        remember(key, current);
        previous.keySet().removeAll(current.keySet());
        List<CommandDraft> removals = new ArrayList<>();
        previous.forEach((id, body) -> removals.add(
                new CommandDraft(children.kind(), CommandAction.DELETE, id, children.issueKey(), (ObjectNode) body)));
        return removals;
    }

    /** Drops what is remembered for an issue that is gone, returning the command keys of the children it had. */
    List<String> forget(String issueRecordKey) {
        List<KeyValue<String, String>> lists = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.prefixScan(issueRecordKey + "|", new StringSerializer())) {
            it.forEachRemaining(lists::add);
        }
        List<String> commandKeys = new ArrayList<>();
        for (KeyValue<String, String> list : lists) {
            store.delete(list.key);
            CommandKind kind = CommandKind.valueOf(list.key.substring(list.key.lastIndexOf('|') + 1));
            parse(list.value).keySet().forEach(id -> commandKeys.add(CommandRouter.targetKey(kind, id)));
        }
        return commandKeys;
    }

    private static String storeKey(String issueRecordKey, CommandKind kind) {
        return issueRecordKey + "|" + kind.name();
    }

    private void remember(String key, Map<String, JsonNode> removals) {
        if (removals.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, MAPPER.valueToTree(removals).toString());
        }
    }

    private static Map<String, JsonNode> parse(String value) {
        Map<String, JsonNode> removals = new LinkedHashMap<>();
        if (value != null) {
            JsonNode stored = CommandBodies.parse(value);
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                removals.put(entry.getKey(), entry.getValue());
            }
        }
        return removals;
    }
}
