package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an issue's watchers into its payload: Jira embeds only {@code fields.watches.watchCount}, so for a watched
 * issue the users are read from {@code /issue/{id}/watchers} (one request per watched issue, none for the others)
 * and put in {@code fields.watches.watchers}, with the {@code watchCount} read alongside: when the two agree the list
 * is complete and consumers may take removals from it. An issue nobody watches gets an empty list without a request.
 */
public final class WatcherListCompleter {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherListCompleter.class);

    private final JiraApi jira;

    public WatcherListCompleter(JiraApi jira) {
        this.jira = jira;
    }

    /**
     * Adds {@code fields.watches.watchers} to {@code issue} in place; an issue without {@code fields.watches} (the
     * field hidden or watching switched off) is left as it is.
     *
     * @return the completed issue, or empty when Jira no longer has it (deleted since the search listed it)
     */
    public Optional<JsonNode> complete(JsonNode issue) {
        if (!(issue.path("fields").path("watches") instanceof ObjectNode watches)) {
            return Optional.of(issue);
        }
        if (watches.path("watchCount").asInt(0) <= 0) {
            watches.putArray("watchers");
            return Optional.of(issue);
        }
        Optional<JsonNode> read = jira.issueWatchers(issue.path("id").asText());
        if (read.isEmpty()) {
            LOG.info("issue vanished while its watchers were read, leaving it to the deletion reconciliation jiraKey={}",
                    issue.path("key").asText());
            return Optional.empty();
        }
        ArrayNode watchers = watches.putArray("watchers");
        read.get().path("watchers").forEach(watchers::add);
        // The count read with the list, so both describe one moment. Jira lists only the watchers the API user may
        // see ("View voters and watchers"): a list shorter than the count stays short, and consumers know it is partial.
        watches.put("watchCount", read.get().path("watchCount").asInt(watchers.size()));
        if (watchers.size() < watches.path("watchCount").asInt()) {
            LOG.warn("Jira lists fewer watchers than it counts, the API user may lack 'View voters and watchers' "
                    + "jiraKey={} listed={} counted={}", issue.path("key").asText(), watchers.size(), watches.path("watchCount").asInt());
        }
        return Optional.of(issue);
    }
}
