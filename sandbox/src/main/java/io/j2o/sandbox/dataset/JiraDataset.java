package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Jira site's content as Jira Cloud REST v3 returns it: every entity is the raw JSON object, so consumers see
 * exactly the shapes the real API produces.
 *
 * <p>The lists are unmodifiable but the nodes are not; use {@link #deepCopy()} before handing a dataset to
 * something that mutates it.
 */
public record JiraDataset(
        String siteUrl,
        List<ObjectNode> users,
        List<ObjectNode> projects,
        List<ObjectNode> statuses,
        List<ObjectNode> issueTypes,
        List<ObjectNode> priorities,
        List<ObjectNode> issues) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JiraDataset {
        users = List.copyOf(users);
        projects = List.copyOf(projects);
        statuses = List.copyOf(statuses);
        issueTypes = List.copyOf(issueTypes);
        priorities = List.copyOf(priorities);
        issues = List.copyOf(issues);
    }

    /** An independent copy whose nodes can be changed without touching this dataset. */
    public JiraDataset deepCopy() {
        return new JiraDataset(siteUrl, copy(users), copy(projects), copy(statuses), copy(issueTypes),
                copy(priorities), copy(issues));
    }

    /** The whole dataset as one JSON object, e.g. to compare two datasets or to write a fixture. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("siteUrl", siteUrl);
        root.putArray("users").addAll(users);
        root.putArray("projects").addAll(projects);
        root.putArray("statuses").addAll(statuses);
        root.putArray("issueTypes").addAll(issueTypes);
        root.putArray("priorities").addAll(priorities);
        root.putArray("issues").addAll(issues);
        return root;
    }

    private static List<ObjectNode> copy(List<ObjectNode> nodes) {
        return nodes.stream().map(ObjectNode::deepCopy).toList();
    }
}
