package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The site's groups, as a real site has them: {@code jira-administrators} (the first two users), one
 * {@code <key>-developers} group per project with a subset of the users (the deactivated account among them
 * sometimes, as nobody removes leavers), and an empty {@code former-contractors}.
 */
final class GroupGenerator {

    static final String ADMINISTRATORS = "jira-administrators";
    static final String EMPTY_GROUP = "former-contractors";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;
    private final List<ObjectNode> users;

    GroupGenerator(Random random, List<ObjectNode> users) {
        this.random = random;
        this.users = users;
    }

    /** Every group of the site, by name. */
    List<ObjectNode> groups(List<ObjectNode> projects) {
        List<ObjectNode> groups = new ArrayList<>();
        groups.add(group(ADMINISTRATORS, users.subList(0, Math.min(2, users.size()))));
        for (ObjectNode project : projects) {
            List<ObjectNode> candidates = new ArrayList<>(users);
            List<ObjectNode> members = new ArrayList<>();
            int count = 3 + random.nextInt(Math.max(1, users.size() / 2));
            for (int i = 0; i < count && !candidates.isEmpty(); i++) {
                members.add(candidates.remove(random.nextInt(candidates.size())));
            }
            groups.add(group(project.get("key").asText().toLowerCase(Locale.ROOT) + "-developers", members));
        }
        groups.add(group(EMPTY_GROUP, List.of()));
        groups.sort((a, b) -> a.get("name").asText().compareTo(b.get("name").asText()));
        return groups;
    }

    private ObjectNode group(String name, List<ObjectNode> members) {
        ObjectNode group = JSON.objectNode();
        group.put("groupId", new UUID(random.nextLong(), random.nextLong()).toString());
        group.put("name", name);
        ArrayNode users = group.putArray("users");
        // Jira lists a group's members by display name.
        members.stream().sorted((a, b) -> a.get("displayName").asText().compareTo(b.get("displayName").asText()))
                .forEach(member -> users.add(member.deepCopy()));
        return group;
    }
}
