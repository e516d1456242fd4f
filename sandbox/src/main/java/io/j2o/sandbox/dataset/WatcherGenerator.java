package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gives each issue zero to {@link #MAX_PER_ISSUE} distinct watchers in {@code fields.watches}. The stored issue keeps
 * the watchers themselves in {@code fields.watches.watchers}: the simulator serves them from
 * {@code /issue/{id}/watchers} and embeds only {@code self}, {@code watchCount} and {@code isWatching}, as Jira does.
 */
final class WatcherGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_PER_ISSUE = 3;

    private final Random random;
    private final String siteUrl;
    private final List<ObjectNode> users;

    WatcherGenerator(Random random, String siteUrl, List<ObjectNode> users) {
        this.random = random;
        this.siteUrl = siteUrl;
        this.users = users;
    }

    /** Adds {@code fields.watches} to every issue. */
    void watch(List<ObjectNode> issues) {
        for (ObjectNode issue : issues) {
            // The deactivated account (the last) watches nothing new, as with worklogs.
            List<ObjectNode> candidates = new ArrayList<>(users.subList(0, users.size() - 1));
            int count = random.nextInt(MAX_PER_ISSUE + 1);
            ObjectNode watches = JSON.objectNode();
            watches.put("self", siteUrl + "/rest/api/3/issue/" + issue.get("key").asText() + "/watchers");
            watches.put("watchCount", count);
            // The migration account watches nothing.
            watches.put("isWatching", false);
            ArrayNode watchers = watches.putArray("watchers");
            for (int i = 0; i < count; i++) {
                watchers.add(DatasetGenerator.userReference(candidates.remove(random.nextInt(candidates.size()))));
            }
            ((ObjectNode) issue.get("fields")).set("watches", watches);
        }
    }
}
