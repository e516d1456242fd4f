package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Jira site's content as Jira Cloud REST v3 returns it (every comment and worklog of an issue embedded, however
 * many; the simulator truncates them as Jira does): every entity is the raw JSON object, so consumers see
 * exactly the shapes the real API produces.
 *
 * <p>{@code groups} are Cloud's group JSON ({@code groupId}, {@code name}) with the complete member list under
 * {@code users}, each member as {@code /group/member} returns it.
 *
 * <p>The lists are unmodifiable but the nodes are not; use {@link #deepCopy()} before handing a dataset to
 * something that mutates it.
 */
public record JiraDataset(
        String siteUrl,
        List<ObjectNode> users,
        List<ObjectNode> projects,
        List<ObjectNode> versions,
        List<ObjectNode> statuses,
        List<ObjectNode> issueTypes,
        List<ObjectNode> priorities,
        List<ObjectNode> issues,
        List<ObjectNode> groups,
        List<ObjectNode> projectRoles) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JiraDataset {
        users = List.copyOf(users);
        projects = List.copyOf(projects);
        versions = List.copyOf(versions);
        statuses = List.copyOf(statuses);
        issueTypes = List.copyOf(issueTypes);
        priorities = List.copyOf(priorities);
        issues = List.copyOf(issues);
        groups = List.copyOf(groups);
        projectRoles = List.copyOf(projectRoles);
    }

    /** A site without project roles. */
    public JiraDataset(String siteUrl, List<ObjectNode> users, List<ObjectNode> projects, List<ObjectNode> versions,
            List<ObjectNode> statuses, List<ObjectNode> issueTypes, List<ObjectNode> priorities, List<ObjectNode> issues,
            List<ObjectNode> groups) {
        this(siteUrl, users, projects, versions, statuses, issueTypes, priorities, issues, groups, List.of());
    }

    /** A site without groups, e.g. one seeded from files that list none. */
    public JiraDataset(String siteUrl, List<ObjectNode> users, List<ObjectNode> projects, List<ObjectNode> versions,
            List<ObjectNode> statuses, List<ObjectNode> issueTypes, List<ObjectNode> priorities, List<ObjectNode> issues) {
        this(siteUrl, users, projects, versions, statuses, issueTypes, priorities, issues, List.of(), List.of());
    }

    /** A site without versions, e.g. one seeded from captured issues alone. */
    public JiraDataset(String siteUrl, List<ObjectNode> users, List<ObjectNode> projects, List<ObjectNode> statuses,
            List<ObjectNode> issueTypes, List<ObjectNode> priorities, List<ObjectNode> issues) {
        this(siteUrl, users, projects, List.of(), statuses, issueTypes, priorities, issues);
    }

    /** The versions of the project with {@code projectId}, as Jira lists them. */
    public List<ObjectNode> versionsOf(String projectId) {
        return versions.stream().filter(version -> version.path("projectId").asText().equals(projectId)).toList();
    }

    /** The roles of the project with {@code projectKey}, as its {@code self} names it. */
    public List<ObjectNode> rolesOf(String projectKey) {
        String segment = "/project/" + projectKey + "/role/";
        return projectRoles.stream().filter(role -> role.path("self").asText().contains(segment)).toList();
    }

    /** An independent copy whose nodes can be changed without touching this dataset. */
    public JiraDataset deepCopy() {
        return new JiraDataset(siteUrl, copy(users), copy(projects), copy(versions), copy(statuses), copy(issueTypes),
                copy(priorities), copy(issues), copy(groups), copy(projectRoles));
    }

    /** The whole dataset as one JSON object, e.g. to compare two datasets or to write a fixture. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("siteUrl", siteUrl);
        root.putArray("users").addAll(users);
        root.putArray("projects").addAll(projects);
        root.putArray("versions").addAll(versions);
        root.putArray("statuses").addAll(statuses);
        root.putArray("issueTypes").addAll(issueTypes);
        root.putArray("priorities").addAll(priorities);
        root.putArray("issues").addAll(issues);
        root.putArray("groups").addAll(groups);
        root.putArray("projectRoles").addAll(projectRoles);
        return root;
    }

    private static List<ObjectNode> copy(List<ObjectNode> nodes) {
        return nodes.stream().map(ObjectNode::deepCopy).toList();
    }
}
