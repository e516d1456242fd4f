package io.j2o.extractor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the extractor must still know of an issue it published, when Jira's change feeds name something the search by
 * {@code updated} misses: the worklog ids it holds (a deleted worklog no longer names its issue) and its watch count
 * (watching does not move {@code updated}). Stored per issue in the state topic, a few dozen bytes, so a restart reads
 * these instead of every full issue payload of the issues topic.
 *
 * @param watchCount the {@code fields.watches.watchCount} published, null when the payload had none
 */
public record IssueDigest(String issueId, Integer watchCount, List<String> worklogIds) {

    private static final Logger LOG = LoggerFactory.getLogger(IssueDigest.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public IssueDigest {
        worklogIds = List.copyOf(worklogIds);
    }

    /** The digest of an issue payload as the extractor publishes it (worklogs complete). */
    public static IssueDigest of(JsonNode issue) {
        JsonNode count = issue.path("fields").path("watches").path("watchCount");
        List<String> worklogs = new ArrayList<>();
        issue.path("fields").path("worklog").path("worklogs").forEach(worklog -> worklogs.add(worklog.path("id").asText()));
        return new IssueDigest(issue.path("id").asText(), count.isNumber() ? count.asInt() : null, worklogs);
    }

    /**
     * Hands the digest of every issue payload the compacted issues topic holds now (from its start to its current
     * end) to {@code each}: how a state written before digests existed is completed, once.
     *
     * @return how many issue payloads were read
     */
    public static int readIssuesTopic(Consumer<String, JiraEntityEvent> reader, String issuesTopic,
            java.util.function.Consumer<IssueDigest> each) {
        int[] issues = {0};
        CompactedTopicReader.readToEnd(reader, issuesTopic, (key, event) -> {
            if (event != null && event.getPayload() != null) {
                try {
                    each.accept(of(MAPPER.readTree(event.getPayload())));
                    issues[0]++;
                } catch (IOException e) {
                    LOG.warn("an issue event on the issues topic is not JSON, its worklogs and watch count stay unknown "
                            + "key={} reason={}", key, e.getMessage());
                }
            }
        });
        return issues[0];
    }

    String write() {
        ObjectNode json = MAPPER.createObjectNode();
        if (watchCount != null) {
            json.put("watchCount", watchCount);
        }
        json.put("worklogs", String.join(",", worklogIds));
        return json.toString();
    }

    static IssueDigest read(String issueId, String text) {
        try {
            JsonNode json = MAPPER.readTree(text);
            String worklogs = json.path("worklogs").asText("");
            JsonNode count = json.path("watchCount");
            return new IssueDigest(issueId, count.isNumber() ? count.asInt() : null,
                    worklogs.isEmpty() ? List.of() : List.of(worklogs.split(",")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the digest of issue " + issueId + " in the state topic is unreadable: "
                    + e.getMessage(), e);
        }
    }
}
