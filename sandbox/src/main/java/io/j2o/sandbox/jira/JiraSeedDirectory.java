package io.j2o.sandbox.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.sandbox.jira.JiraSeedReport.Problem;
import io.j2o.sandbox.jira.JiraSeedReport.RecognisedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Seeds the simulator from a folder of real Jira REST JSON files (responses captured from Cloud or Data Center),
 * recognising each file by its shape: an issue, a search page ({@code {issues:[…]}} from v2 {@code /search} or v3
 * {@code /search/jql}), a webhook carrying an issue, lists of issues, projects, users, statuses, priorities and issue
 * types, and shapes the simulator does not serve (fields, link types, comment and worklog pages…), which are
 * recognised and counted.
 *
 * <p>Issues are indexed only when they can be served as one Jira site would: they need {@code id}, {@code key},
 * {@code fields} and {@code fields.project}; one id or key is held once (the newest {@code updated} wins). A project
 * no project list names is synthesised from {@code fields.project}. Whatever is left out is in the report with the
 * file and the reason.
 */
public final class JiraSeedDirectory {

    /** The dataset to serve and the report of how it was read. */
    public record Seed(JiraDataset dataset, JiraSeedReport report) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DEFAULT_SITE_URL = "http://seed.invalid";
    private static final Set<String> PROJECT_REFERENCE_FIELDS = Set.of("self", "id", "key", "name", "projectTypeKey",
            "simplified", "avatarUrls", "projectCategory");

    private record Candidate(ObjectNode issue, Path file, Instant updated) {
    }

    private final Path root;
    private final List<RecognisedFile> recognised = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Candidate> issuesById = new LinkedHashMap<>();
    private final Map<String, String> issueIdByKey = new HashMap<>();
    private final Map<String, ObjectNode> projectsByKey = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> reference = new HashMap<>();
    private final List<String> synthesisedProjects = new ArrayList<>();

    private JiraSeedDirectory(Path root) {
        this.root = root;
    }

    /** Reads every file under {@code directory}, recursively, in path order. */
    public static Seed load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        JiraSeedDirectory loader = new JiraSeedDirectory(directory);
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).sorted().forEach(loader::readFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return loader.seed();
    }

    private void readFile(Path file) {
        Path relative = root.relativize(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md")) {
            return;
        }
        if (!name.endsWith(".json")) {
            problems.add(new Problem(relative, null, "skipped: only *.json files are read"));
            return;
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(new Problem(relative, null, "unreadable JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (json == null || json.isMissingNode()) {
            problems.add(new Problem(relative, null, "empty file"));
        } else if (json.isObject()) {
            readObject(relative, (ObjectNode) json);
        } else if (json.isArray()) {
            readList(relative, json);
        } else {
            problems.add(new Problem(relative, null, "neither a JSON object nor an array"));
        }
    }

    private void readObject(Path file, ObjectNode json) {
        if (json.has("request") && json.has("response")) {
            problems.add(new Problem(file, null, "unrecognised: a WireMock stub {request, response}, not a Jira response"));
        } else if (json.has("webhookEvent") && json.path("issue").isObject()) {
            readWebhook(file, json);
        } else if (json.path("issues").isArray()) {
            String shape = json.has("total") ? "search page (v2 /search or agile)" : "search page (v3 /search/jql)";
            json.get("issues").forEach(issue -> addIssue(file, issue));
            recognised.add(new RecognisedFile(file, shape, json.get("issues").size(), true));
        } else if (isIssue(json)) {
            addIssue(file, json);
            recognised.add(new RecognisedFile(file, "issue", 1, true));
        } else if (json.path("issueLinkTypes").isArray()) {
            recognised.add(new RecognisedFile(file, "issue link types", json.get("issueLinkTypes").size(), false));
        } else if (json.path("comments").isArray()) {
            recognised.add(new RecognisedFile(file, "comments page", json.get("comments").size(), false));
        } else if (json.path("worklogs").isArray()) {
            recognised.add(new RecognisedFile(file, "worklogs page", json.get("worklogs").size(), false));
        } else {
            String kind = elementKind(json);
            if (kind == null) {
                problems.add(new Problem(file, null, "unrecognised: an object with keys " + keys(json)));
            } else {
                addEntities(file, kind, List.of(json), "a single ");
            }
        }
    }

    private void readWebhook(Path file, ObjectNode json) {
        String event = json.path("webhookEvent").asText();
        if (event.equals("jira:issue_deleted")) {
            problems.add(new Problem(file, json.at("/issue/key").asText(null),
                    "a jira:issue_deleted webhook: the issue it carries no longer exists, so it is not served"));
            recognised.add(new RecognisedFile(file, "webhook " + event, 1, false));
            return;
        }
        addIssue(file, json.get("issue"));
        recognised.add(new RecognisedFile(file, "webhook " + event, 1, true));
    }

    private void readList(Path file, JsonNode list) {
        if (list.isEmpty()) {
            problems.add(new Problem(file, null, "unrecognised: an empty list"));
            return;
        }
        String kind = elementKind(list.get(0));
        for (JsonNode element : list) {
            if (kind == null || !kind.equals(elementKind(element))) {
                problems.add(new Problem(file, null, "unrecognised: a list whose elements have keys " + keys(element)));
                return;
            }
        }
        List<JsonNode> elements = new ArrayList<>();
        list.forEach(elements::add);
        addEntities(file, kind, elements, "");
    }

    private void addEntities(Path file, String kind, List<JsonNode> entities, String prefix) {
        switch (kind) {
            case "issues" -> entities.forEach(issue -> addIssue(file, issue));
            case "projects" -> entities.forEach(project -> addProject(file, (ObjectNode) project));
            case "users", "statuses", "priorities", "issue types" -> entities.forEach(entity -> addReference(kind, (ObjectNode) entity));
            default -> {
                // recognised, but the simulator has no endpoint for them
            }
        }
        boolean served = Set.of("issues", "projects", "users", "statuses", "priorities", "issue types").contains(kind);
        recognised.add(new RecognisedFile(file, prefix.isEmpty() ? kind : prefix + singular(kind), entities.size(), served));
    }

    /** What a list element (or a single entity) is, by the fields only that kind carries; null when unknown. */
    private static String elementKind(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        String self = node.path("self").asText("");
        if (isIssue(node)) {
            return "issues";
        }
        if (node.has("statusColor")) {
            return "priorities";
        }
        if (node.has("statusCategory") || self.contains("/status/")) {
            return "statuses";
        }
        if (node.has("subtask") || self.contains("/issuetype/")) {
            return "issue types";
        }
        if (node.has("custom") && node.has("id") && node.has("name")) {
            return "fields";
        }
        if (node.has("inward") && node.has("outward")) {
            return "issue link types";
        }
        if (node.has("colorName") && node.has("key")) {
            return "status categories";
        }
        if (self.contains("/resolution/")) {
            return "resolutions";
        }
        if (node.has("items") && node.has("created")) {
            return "changelog entries";
        }
        if (node.has("started") && (node.has("timeSpent") || node.has("timeSpentSeconds"))) {
            return "worklogs";
        }
        if (node.has("globalId") || node.has("application") && node.has("object")) {
            return "remote links";
        }
        if (node.has("state") && node.has("name") && !node.has("key")) {
            return "sprints";
        }
        if (node.has("displayName") && (node.has("accountId") || node.has("name"))) {
            return "users";
        }
        if (node.has("key") && node.has("name") && !node.has("fields")) {
            return "projects";
        }
        return null;
    }

    /** An issue has a key and either its fields or an issue {@code self}; a project has a key but neither. */
    private static boolean isIssue(JsonNode node) {
        return node.path("key").isTextual()
                && (node.has("fields") || node.path("self").asText("").contains("/issue/"));
    }

    private void addIssue(Path file, JsonNode node) {
        if (!node.isObject()) {
            problems.add(new Problem(file, null, "an 'issues' element that is not an object: " + node));
            return;
        }
        ObjectNode issue = (ObjectNode) node;
        String key = issue.path("key").isTextual() ? issue.get("key").asText() : null;
        String label = key != null ? key : "(no key, id " + issue.path("id").asText("none") + ")";
        if (key == null) {
            problems.add(new Problem(file, label, "the issue has no 'key'"));
            return;
        }
        if (!issue.path("id").isTextual() && !issue.path("id").isNumber()) {
            problems.add(new Problem(file, label, "the issue has no 'id' (ids are the entity key downstream)"));
            return;
        }
        JsonNode fields = issue.path("fields");
        if (!fields.isObject()) {
            problems.add(new Problem(file, label, "the issue has no 'fields' object: a projection (e.g. an agile"
                    + " board listing), not a full issue"));
            return;
        }
        JsonNode project = fields.path("project");
        if (!project.path("key").isTextual() || project.path("id").asText("").isEmpty()) {
            problems.add(new Problem(file, label, (project.isMissingNode() ? "no fields.project" : "fields.project lacks 'id' or 'key' ("
                    + project + ")") + ", so the issue belongs to no project the simulator can search"));
            return;
        }
        String id = issue.get("id").asText();
        Instant updated = JiraDateTimes.parseOrNull(fields.path("updated").asText(null));
        Candidate candidate = new Candidate(issue.deepCopy(), file, updated);
        String keyOwner = issueIdByKey.get(key.toUpperCase(Locale.ROOT));
        if (keyOwner != null && !keyOwner.equals(id)) {
            Candidate owner = issuesById.get(keyOwner);
            problems.add(new Problem(file, label, "key already held by issue id " + keyOwner + " from " + owner.file()
                    + "; one site cannot serve two issues under one key (captures from different sites?)"));
            return;
        }
        Candidate existing = issuesById.get(id);
        if (existing == null) {
            issuesById.put(id, candidate);
            issueIdByKey.put(key.toUpperCase(Locale.ROOT), id);
            return;
        }
        boolean newer = updated != null && (existing.updated() == null || updated.isAfter(existing.updated()));
        Candidate kept = newer ? candidate : existing;
        Candidate dropped = newer ? existing : candidate;
        if (!existing.issue().path("key").asText().equalsIgnoreCase(key)) {
            // Same id, another key: the issue moved; its old key keeps resolving to the kept representation.
            issueIdByKey.put(key.toUpperCase(Locale.ROOT), id);
        }
        issuesById.put(id, kept);
        problems.add(new Problem(dropped.file(), dropped.issue().path("key").asText(), "same issue id " + id + " as in "
                + kept.file() + ", which is served instead (" + (newer ? "newer 'updated'" : "read first, not older") + ")"));
    }

    private void addProject(Path file, ObjectNode project) {
        String key = project.path("key").asText();
        if (project.path("id").asText("").isEmpty()) {
            problems.add(new Problem(file, key, "the project has no 'id', which events are keyed by"));
            return;
        }
        projectsByKey.putIfAbsent(key.toUpperCase(Locale.ROOT), project.deepCopy());
    }

    private void addReference(String kind, ObjectNode entity) {
        // A site lists a user once per id (Cloud accountId, else Data Center key, else name), however many captures name it.
        String identity = kind.equals("users") ? SeedReferences.userId(entity).orElse(entity.toString())
                : entity.path("id").asText(entity.path("name").asText(entity.toString()));
        reference.computeIfAbsent(kind, ignored -> new LinkedHashMap<>()).putIfAbsent(identity, entity.deepCopy());
    }

    private Seed seed() {
        for (Candidate candidate : issuesById.values()) {
            JsonNode reference = candidate.issue().at("/fields/project");
            String projectKey = reference.get("key").asText().toUpperCase(Locale.ROOT);
            if (!projectsByKey.containsKey(projectKey)) {
                ObjectNode project = MAPPER.createObjectNode();
                reference.fields().forEachRemaining(field -> {
                    if (PROJECT_REFERENCE_FIELDS.contains(field.getKey())) {
                        project.set(field.getKey(), field.getValue().deepCopy());
                    }
                });
                projectsByKey.put(projectKey, project);
                synthesisedProjects.add(reference.get("key").asText());
            }
        }
        Map<String, ObjectNode> projects = projectsWithOwnIds();
        List<ObjectNode> issues = new ArrayList<>();
        for (Candidate candidate : issuesById.values()) {
            JsonNode reference = candidate.issue().at("/fields/project");
            ObjectNode project = projects.get(reference.get("key").asText().toUpperCase(Locale.ROOT));
            String servedId = project == null ? null : project.path("id").asText(null);
            String claimedId = reference.path("id").asText(null);
            if (project == null || (claimedId != null && servedId != null && !claimedId.equals(servedId))) {
                problems.add(new Problem(candidate.file(), candidate.issue().path("key").asText(),
                        "its project " + reference.get("key").asText() + " (id " + claimedId + ") collides with another"
                                + " source's project; one site serves one project per key and per id"));
                continue;
            }
            issues.add(candidate.issue());
        }
        SeedReferences.users(issues).values().forEach(user -> addReference("users", user));
        JiraDataset dataset = new JiraDataset(siteUrl(issues), referenceOf("users"), new ArrayList<>(projects.values()),
                new ArrayList<>(SeedReferences.versions(issues).values()), referenceOf("statuses"),
                referenceOf("issue types"), referenceOf("priorities"), issues);
        return new Seed(dataset, new JiraSeedReport(recognised, problems, synthesisedProjects));
    }

    /**
     * Captures from several sites can hold different projects under one id; the first keeps it and the others are
     * reported, since a site that served both would make every reference by id ambiguous.
     */
    private Map<String, ObjectNode> projectsWithOwnIds() {
        Map<String, String> keyById = new HashMap<>();
        Map<String, ObjectNode> kept = new LinkedHashMap<>();
        projectsByKey.forEach((key, project) -> {
            String id = project.path("id").asText(null);
            String owner = id == null ? null : keyById.putIfAbsent(id, key);
            if (owner != null && !owner.equals(key)) {
                problems.add(new Problem(root.relativize(root), key, "project id " + id + " is already project " + owner
                        + "'s in another source; left out with its issues"));
            } else {
                kept.put(key, project);
            }
        });
        return kept;
    }

    private List<ObjectNode> referenceOf(String kind) {
        return new ArrayList<>(reference.getOrDefault(kind, Map.of()).values());
    }

    /** The site's base URL, from the first issue's {@code self} ({@code https://host[/context]/rest/…}). */
    private static String siteUrl(List<ObjectNode> issues) {
        for (ObjectNode issue : issues) {
            String self = issue.path("self").asText("");
            int rest = self.indexOf("/rest/");
            if (rest > 0) {
                return self.substring(0, rest);
            }
        }
        return DEFAULT_SITE_URL;
    }

    private static String singular(String kind) {
        return switch (kind) {
            case "issues" -> "issue";
            case "projects" -> "project";
            case "users" -> "user";
            case "statuses" -> "status";
            case "priorities" -> "priority";
            case "issue types" -> "issue type";
            case "fields" -> "field";
            case "worklogs" -> "worklog";
            case "resolutions" -> "resolution";
            case "sprints" -> "sprint";
            default -> kind;
        };
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys.size() > 10 ? keys.subList(0, 10) : keys;
    }
}
