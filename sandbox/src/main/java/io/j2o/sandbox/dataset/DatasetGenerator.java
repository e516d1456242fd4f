package io.j2o.sandbox.dataset;

import static io.j2o.sandbox.dataset.DatasetVocabulary.pick;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates a Jira Cloud site deterministically from a seed: the same seed and sizes always give byte-identical
 * JSON, because every value comes from one seeded {@link Random} and times count back from a fixed instant
 * instead of the wall clock.
 */
public final class DatasetGenerator {

    /** The "now" of every generated site; issues are created in the 180 days before it. */
    public static final Instant BASE_INSTANT = Instant.parse("2025-06-30T12:00:00Z");
    public static final String DEFAULT_SITE_URL = "https://j2o-sandbox.atlassian.net";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration HISTORY = Duration.ofDays(180);
    private static final int FIRST_ID = 10000;
    private static final int USER_COUNT = 12;
    private static final String RENAMED_KEY_SUFFIX = "G";
    /** Mixed into the seed for the comments' own random stream, so adding them changed no other generated value. */
    private static final long COMMENT_STREAM = 0x636f6d6d656e74L;
    /** The same for worklogs and estimates, versions and fix versions, issue links and watchers. */
    private static final long WORKLOG_STREAM = 0x776f726b6c6f67L;
    private static final long VERSION_STREAM = 0x76657273696f6eL;
    private static final long LINK_STREAM = 0x6c696e6b73L;
    private static final long WATCHER_STREAM = 0x7761746368L;
    private static final long ATTACHMENT_STREAM = 0x6174746163686dL;
    private static final long GROUP_STREAM = 0x67726f757073L;
    private static final long SPRINT_STREAM = 0x737072696e74L;
    private static final long TEXT_STREAM = 0x74657874L;
    private static final long CHANGELOG_STREAM = 0x6368616e6765L;
    private static final long ROLE_STREAM = 0x726f6c6573L;

    private final long seed;
    private final String siteUrl;
    private final GeneratedIds ids;
    private final Set<String> takenProjectKeys;

    public DatasetGenerator(long seed) {
        this(seed, DEFAULT_SITE_URL);
    }

    public DatasetGenerator(long seed, String siteUrl) {
        this(seed, siteUrl, GeneratedIds.DEFAULT, Set.of());
    }

    private DatasetGenerator(long seed, String siteUrl, GeneratedIds ids, Set<String> takenProjectKeys) {
        this.seed = seed;
        this.siteUrl = siteUrl;
        this.ids = ids;
        this.takenProjectKeys = Set.copyOf(takenProjectKeys);
    }

    /** The same site with every numeric id moved by {@code base}, a multiple of {@link GeneratedIds#UNIT}. */
    public DatasetGenerator withIdBase(long base) {
        return new DatasetGenerator(seed, siteUrl, new GeneratedIds(base), takenProjectKeys);
    }

    /**
     * The same site, but a project whose key is in {@code keys} (another site's, sharing the Jira) takes its key with
     * {@value #RENAMED_KEY_SUFFIX} appended as often as needed; the generator's own keys never end in it.
     */
    public DatasetGenerator withProjectKeysTaken(Set<String> keys) {
        return new DatasetGenerator(seed, siteUrl, ids, keys);
    }

    /** A site with {@code projects} projects and {@code issues} issues spread over them. */
    public JiraDataset generate(int projects, int issues) {
        if (projects < 1 || issues < 0) {
            throw new IllegalArgumentException("need at least one project and no negative issue count, was "
                    + projects + "/" + issues);
        }
        Random random = new Random(seed);
        ReferenceData reference = new ReferenceData(siteUrl, ids);
        List<ObjectNode> users = users(random);
        List<ObjectNode> projectNodes = projects(random, projects, users);
        List<ObjectNode> statuses = reference.statuses();
        List<ObjectNode> types = reference.issueTypes();
        List<ObjectNode> priorities = reference.priorities();
        VersionGenerator versionGenerator = new VersionGenerator(new Random(seed ^ VERSION_STREAM), siteUrl, BASE_INSTANT, ids);
        Map<String, List<ObjectNode>> versionsByProject = new LinkedHashMap<>();
        projectNodes.forEach(project -> versionsByProject.put(project.get("key").asText(), versionGenerator.versions(project)));
        IssueFactory factory = new IssueFactory(random, reference, users, statuses, types, priorities,
                new CommentGenerator(new Random(seed ^ COMMENT_STREAM), siteUrl, users, ids),
                new WorklogGenerator(new Random(seed ^ WORKLOG_STREAM), siteUrl, users, ids),
                versionGenerator, versionsByProject);
        List<ObjectNode> issueNodes = factory.issues(projectNodes, issues);
        new IssueLinkGenerator(new Random(seed ^ LINK_STREAM), siteUrl, ids).link(issueNodes);
        new WatcherGenerator(new Random(seed ^ WATCHER_STREAM), siteUrl, users).watch(issueNodes);
        new AttachmentGenerator(new Random(seed ^ ATTACHMENT_STREAM), siteUrl, users, ids).attach(issueNodes);
        new SprintGenerator(new Random(seed ^ SPRINT_STREAM), BASE_INSTANT, ids).plan(projectNodes, issueNodes);
        new TextReferenceGenerator(new Random(seed ^ TEXT_STREAM), users).write(issueNodes);
        new ChangelogGenerator(new Random(seed ^ CHANGELOG_STREAM), users, ids).write(issueNodes);
        List<ObjectNode> groups = new GroupGenerator(new Random(seed ^ GROUP_STREAM), users).groups(projectNodes);
        return new JiraDataset(siteUrl, users, projectNodes, versionsByProject.values().stream().flatMap(List::stream).toList(),
                statuses, types, priorities, issueNodes, groups,
                new ProjectRoleGenerator(new Random(seed ^ ROLE_STREAM), siteUrl, users, ids).roles(projectNodes, groups));
    }

    private List<ObjectNode> users(Random random) {
        List<ObjectNode> users = new ArrayList<>();
        for (int i = 0; i < USER_COUNT; i++) {
            String first = DatasetVocabulary.FIRST_NAMES.get(i % DatasetVocabulary.FIRST_NAMES.size());
            String last = pick(random, DatasetVocabulary.LAST_NAMES);
            String accountId = hex(random, 24);
            ObjectNode user = JSON.objectNode();
            user.put("self", siteUrl + "/rest/api/3/user?accountId=" + accountId);
            user.put("accountId", accountId);
            user.put("accountType", "atlassian");
            user.put("emailAddress", ascii(first) + "." + ascii(last) + "@example.com");
            user.set("avatarUrls", avatars("https://avatar-management.example.net/initials/"
                    + first.charAt(0) + last.charAt(0) + ".png"));
            user.put("displayName", first + " " + last);
            // One deactivated account, as every real site has.
            user.put("active", i != USER_COUNT - 1);
            user.put("timeZone", pick(random, DatasetVocabulary.TIME_ZONES));
            users.add(user);
        }
        return users;
    }

    private List<ObjectNode> projects(Random random, int count, List<ObjectNode> users) {
        List<ObjectNode> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int letters = DatasetVocabulary.PROJECT_KEYS.size();
            String greek = DatasetVocabulary.PROJECT_KEYS.get(i % letters);
            String key = i < letters ? greek : greek + (i / letters + 1);
            while (takenProjectKeys.contains(key)) {
                key += RENAMED_KEY_SUFFIX;
            }
            String id = ids.text(FIRST_ID + i);
            String name = capitalise(greek) + (i < letters ? "" : " " + (i / letters + 1)) + " "
                    + pick(random, DatasetVocabulary.PROJECT_SUFFIXES);
            ObjectNode project = JSON.objectNode();
            project.put("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
            project.put("self", siteUrl + "/rest/api/3/project/" + id);
            project.put("id", id);
            project.put("key", key);
            project.put("description", "Work tracked by the " + name + " team. Markdown-ish *text* stays plain.");
            project.set("lead", userReference(users.get(random.nextInt(users.size() - 1))));
            project.put("name", name);
            project.set("avatarUrls", avatars(siteUrl + "/rest/api/3/universal_avatar/view/type/project/avatar/" + id));
            project.put("projectTypeKey", "software");
            project.put("simplified", false);
            project.put("style", "classic");
            project.put("isPrivate", false);
            project.putObject("properties");
            projects.add(project);
        }
        return projects;
    }

    static ObjectNode userReference(ObjectNode user) {
        ObjectNode reference = user.deepCopy();
        reference.remove("emailAddress");
        return reference;
    }

    /** An issue as another issue refers to it (a parent, a linked issue): id, key and the fields that identify it. */
    static ObjectNode issueReference(ObjectNode issue) {
        ObjectNode reference = JSON.objectNode();
        reference.put("id", issue.get("id").asText());
        reference.put("key", issue.get("key").asText());
        reference.put("self", issue.get("self").asText());
        ObjectNode fields = reference.putObject("fields");
        for (String field : List.of("summary", "status", "priority", "issuetype")) {
            fields.set(field, issue.get("fields").get(field).deepCopy());
        }
        return reference;
    }

    static ObjectNode avatars(String base) {
        ObjectNode avatars = JSON.objectNode();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, base + "?size=" + size.substring(0, size.indexOf('x')));
        }
        return avatars;
    }

    private static String hex(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private static String capitalise(String key) {
        return key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Builds the issues: creation times first, so ids and keys grow with creation time as in a real site. */
    private final class IssueFactory {
        private final Random random;
        private final ReferenceData reference;
        private final List<ObjectNode> users;
        private final List<ObjectNode> statuses;
        private final List<ObjectNode> types;
        private final List<ObjectNode> priorities;
        private final AdfDescriptionGenerator descriptions;
        private final CommentGenerator comments;
        private final WorklogGenerator worklogs;
        private final VersionGenerator versions;
        private final Map<String, List<ObjectNode>> versionsByProject;
        private final DatasetCustomFields customFields = new DatasetCustomFields(siteUrl, ids);
        private final Map<String, Integer> nextNumber = new HashMap<>();
        private final Map<String, ObjectNode> lastEpic = new HashMap<>();

        IssueFactory(Random random, ReferenceData reference, List<ObjectNode> users, List<ObjectNode> statuses,
                List<ObjectNode> types, List<ObjectNode> priorities, CommentGenerator comments, WorklogGenerator worklogs,
                VersionGenerator versions, Map<String, List<ObjectNode>> versionsByProject) {
            this.random = random;
            this.reference = reference;
            this.users = users;
            this.statuses = statuses;
            this.types = types;
            this.priorities = priorities;
            this.descriptions = new AdfDescriptionGenerator(random);
            this.comments = comments;
            this.worklogs = worklogs;
            this.versions = versions;
            this.versionsByProject = versionsByProject;
        }

        List<ObjectNode> issues(List<ObjectNode> projects, int count) {
            List<Long> createdOffsets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                createdOffsets.add((long) (random.nextDouble() * HISTORY.toMillis()));
            }
            createdOffsets.sort(null);
            List<ObjectNode> issues = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Instant created = BASE_INSTANT.minus(HISTORY).plusMillis(createdOffsets.get(i));
                issues.add(issue(FIRST_ID + i, projects.get(random.nextInt(projects.size())), created));
            }
            return issues;
        }

        private ObjectNode issue(int usualId, ObjectNode project, Instant created) {
            String projectKey = project.get("key").asText();
            int number = nextNumber.merge(projectKey, 1, Integer::sum);
            String id = ids.text(usualId);
            String key = projectKey + "-" + number;
            long sinceCreation = Duration.between(created, BASE_INSTANT).toMillis();
            // Half the issues were touched again later; the rest still carry their creation time.
            Instant updated = random.nextBoolean() ? created : created.plusMillis((long) (random.nextDouble() * sinceCreation));
            ObjectNode type = weightedType();
            ObjectNode status = pick(random, statuses);
            boolean done = status.get("statusCategory").get("key").asText().equals("done");
            String component = pick(random, DatasetVocabulary.COMPONENTS);

            ObjectNode issue = JSON.objectNode();
            issue.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
            issue.put("id", id);
            issue.put("self", siteUrl + "/rest/api/3/issue/" + id);
            issue.put("key", key);
            ObjectNode fields = issue.putObject("fields");
            fields.put("summary", summary(component));
            fields.set("issuetype", type.deepCopy());
            ObjectNode parent = lastEpic.get(projectKey);
            if (parent != null && type.get("hierarchyLevel").asInt() == 0 && random.nextInt(3) == 0) {
                fields.set("parent", issueReference(parent));
            }
            fields.set("project", projectReference(project));
            fields.set("status", status.deepCopy());
            fields.set("priority", pick(random, priorities).deepCopy());
            fields.set("resolution", done ? reference.doneResolution() : JSON.nullNode());
            fields.put("resolutiondate", done ? JiraDateTimes.format(updated) : null);
            fields.set("reporter", userReference(users.get(random.nextInt(users.size()))));
            fields.set("creator", fields.get("reporter").deepCopy());
            fields.set("assignee", random.nextInt(4) == 0 ? JSON.nullNode() : userReference(pick(random, users)));
            fields.set("labels", labels());
            fields.set("description", random.nextInt(10) == 0 ? JSON.nullNode() : descriptions.document(component));
            fields.putNull("environment");
            fields.put("duedate", random.nextInt(3) == 0 ? created.plus(Duration.ofDays(14)).toString().substring(0, 10) : null);
            fields.put("created", JiraDateTimes.format(created));
            fields.put("updated", JiraDateTimes.format(updated));
            customFields.addTo(fields, usualId, component, created, users);
            fields.set("fixVersions", versions.fixVersions(versionsByProject.get(projectKey)));
            fields.putArray("subtasks");
            fields.putArray("issuelinks");
            fields.putArray("attachment");
            fields.set("comment", comments.page(id, component, created, updated));
            worklogs.addTo(fields, id, component, created, updated);
            if (type.get("name").asText().equals("Epic")) {
                lastEpic.put(projectKey, issue);
            }
            return issue;
        }

        private ObjectNode weightedType() {
            int roll = random.nextInt(10);
            return types.get(roll == 0 ? 0 : roll < 5 ? 1 : roll < 8 ? 2 : 3);
        }

        private String summary(String component) {
            String template = pick(random, DatasetVocabulary.SUMMARY_TEMPLATES);
            return template.startsWith("#%d")
                    ? String.format(Locale.ROOT, template, 100 + random.nextInt(900), component)
                    : String.format(Locale.ROOT, template.replace("100%", "100%%"), component);
        }

        private ArrayNode labels() {
            TreeSet<String> labels = new TreeSet<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                labels.add(pick(random, DatasetVocabulary.LABELS));
            }
            ArrayNode array = JSON.arrayNode();
            labels.forEach(array::add);
            return array;
        }

        private ObjectNode projectReference(ObjectNode project) {
            ObjectNode reference = JSON.objectNode();
            for (String field : List.of("self", "id", "key", "name", "projectTypeKey", "simplified", "avatarUrls")) {
                reference.set(field, project.get(field).deepCopy());
            }
            return reference;
        }
    }
}
