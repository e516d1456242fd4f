package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the comments and worklogs an issue embeds complete: Jira embeds only the first ones, with {@code total} the
 * real count; when it cut a list short, the whole list is read from the issue's own resource and written into the
 * payload, so that {@code total} equals the number listed and consumers never see a partial list.
 */
public final class TruncatedListCompleter {

    private static final Logger LOG = LoggerFactory.getLogger(TruncatedListCompleter.class);

    private final JiraApi jira;

    public TruncatedListCompleter(JiraApi jira) {
        this.jira = jira;
    }

    /**
     * Completes every truncated list of {@code issue} in place.
     *
     * @return the completed issue, or empty when Jira no longer has it (deleted since the search listed it)
     */
    public Optional<JsonNode> complete(JsonNode issue) {
        for (EmbeddedList list : EmbeddedList.values()) {
            if (issue.path("fields").path(list.field()) instanceof ObjectNode page && isTruncated(page, list)) {
                Optional<List<JsonNode>> read = jira.issueItems(issue.path("id").asText(), list);
                if (read.isEmpty()) {
                    LOG.info("issue vanished while its lists were read, leaving it to the deletion reconciliation jiraKey={}",
                            issue.path("key").asText());
                    return Optional.empty();
                }
                List<JsonNode> all = read.get();
                LOG.debug("completed a truncated list jiraKey={} list={} embedded={} total={}", issue.path("key").asText(),
                        list.items(), page.path(list.items()).size(), all.size());
                ArrayNode items = page.putArray(list.items());
                all.forEach(items::add);
                page.put("startAt", 0);
                page.put("maxResults", all.size());
                page.put("total", all.size());
            }
        }
        return Optional.of(issue);
    }

    private static boolean isTruncated(ObjectNode page, EmbeddedList list) {
        return page.path("total").asInt(0) > page.path(list.items()).size();
    }
}
