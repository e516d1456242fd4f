package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the comments, worklogs and history ({@code changelog}) an issue embeds complete: Jira embeds only some, with
 * {@code total} the real count; when it cut a list short, the whole list is read ({@link JiraApi#issueItems},
 * {@link JiraApi#changelog}) and written into the payload, so that {@code total} equals the number listed and
 * consumers never see a partial list.
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
        String id = issue.path("id").asText();
        for (EmbeddedList list : EmbeddedList.values()) {
            if (issue.path("fields").path(list.field()) instanceof ObjectNode page
                    && !replaceIfTruncated(issue, page, list.items(), () -> jira.issueItems(id, list))) {
                return Optional.empty();
            }
        }
        if (issue.path("changelog") instanceof ObjectNode changelog
                && !replaceIfTruncated(issue, changelog, "histories", () -> jira.changelog(id))) {
            return Optional.empty();
        }
        return Optional.of(issue);
    }

    /** @return false when the issue vanished while its list was read */
    private static boolean replaceIfTruncated(JsonNode issue, ObjectNode page, String itemsName,
            Supplier<Optional<List<JsonNode>>> readAll) {
        if (!isTruncated(page, itemsName)) {
            return true;
        }
        Optional<List<JsonNode>> read = readAll.get();
        if (read.isEmpty()) {
            LOG.info("issue vanished while its lists were read, leaving it to the deletion reconciliation jiraKey={}",
                    issue.path("key").asText());
            return false;
        }
        List<JsonNode> all = read.get();
        LOG.debug("completed a truncated list jiraKey={} list={} embedded={} total={}", issue.path("key").asText(),
                itemsName, page.path(itemsName).size(), all.size());
        writeWhole(page, itemsName, all);
        return true;
    }

    /** Whether the embedded page holds fewer items than its {@code total}. */
    static boolean isTruncated(JsonNode page, String itemsName) {
        return page.path("total").asInt(0) > page.path(itemsName).size();
    }

    /** Puts {@code all} in the page as its whole list: from 0, as many as there are, {@code total} their count. */
    static void writeWhole(ObjectNode page, String itemsName, List<JsonNode> all) {
        ArrayNode items = page.putArray(itemsName);
        all.forEach(items::add);
        page.put("startAt", 0);
        page.put("maxResults", all.size());
        page.put("total", all.size());
    }
}
