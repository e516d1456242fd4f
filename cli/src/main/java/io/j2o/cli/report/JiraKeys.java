package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.topics.JiraIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the pipeline's record keys, which carry Jira ids ({@code issue:10042}, {@code work_package:10042},
 * {@code time_entry:200061}, {@code membership:10000_acc-1}), into keys people know ({@code ALPHA-7},
 * {@code worklog 200061 on ALPHA-4}, {@code membership of ann@example.com in ALPHA},
 * {@code attachment spec-85.pdf on ALPHA-3}, {@code watcher ann@example.com on ALPHA-3}).
 */
public final class JiraKeys {

    private static final Pattern MEMBERSHIP_ROLE = Pattern.compile("_role_\\d+$");

    private final Map<String, String> keyByRecordKey = new HashMap<>();

    public JiraKeys(List<? extends JsonNode> projects, List<? extends JsonNode> issues) {
        this(projects, issues, List.of(), List.of());
    }

    public JiraKeys(List<? extends JsonNode> projects, List<? extends JsonNode> issues, List<? extends JsonNode> users,
                    List<? extends JsonNode> versions) {
        projects.forEach(p -> keyByRecordKey.put("project:" + p.path("id").asText(), p.path("key").asText()));
        users.forEach(u -> JiraIds.user(u).ifPresent(id -> keyByRecordKey.put("user:" + id, "user " + userName(u, id))));
        issues.forEach(i -> {
            keyByRecordKey.put("issue:" + i.path("id").asText(), i.path("key").asText());
            keyByRecordKey.put("work_package:" + i.path("id").asText(), i.path("key").asText());
        });
        versions.forEach(v -> keyByRecordKey.put("version:" + v.path("id").asText(),
                "version " + of("project:" + v.path("projectId").asText()) + " " + v.path("name").asText()));
        issues.forEach(this::addChildren);
    }

    /** Everything the state names, groups included ({@code group:<id>} → {@code group <name>}). */
    public JiraKeys(JiraState jira) {
        this(jira.projects(), jira.issues(), jira.users(), jira.versions());
        jira.groups().forEach(g -> keyByRecordKey.put("group:" + JiraIds.group(g), "group " + g.path("name").asText()));
        jira.projectRoles().forEach(role -> MembershipCheck.roleIdAndProjectKey(role, jira.projects()).ifPresent(id ->
                keyByRecordKey.put("project_role:" + id.getKey(), "role " + role.path("name").asText() + " of " + id.getValue())));
    }

    private void addChildren(JsonNode issue) {
        String key = issue.path("key").asText();
        JsonNode fields = issue.path("fields");
        fields.path("worklog").path("worklogs").forEach(w ->
                keyByRecordKey.put("time_entry:" + w.path("id").asText(), "worklog " + w.path("id").asText() + " on " + key));
        fields.path("comment").path("comments").forEach(c ->
                keyByRecordKey.put("comment:" + c.path("id").asText(), "comment " + c.path("id").asText() + " on " + key));
        fields.path("attachment").forEach(a -> keyByRecordKey.put("attachment:" + a.path("id").asText(),
                "attachment " + a.path("filename").asText(a.path("id").asText()) + " on " + key));
        // A watcher is the pair (issue, user): watcher:<issueId>_<userId>, as the rules name it.
        fields.path("watches").path("watchers").forEach(w -> JiraIds.user(w).ifPresent(id ->
                keyByRecordKey.put("watcher:" + issue.path("id").asText() + "_" + id, "watcher " + userName(w, id) + " on " + key)));
        fields.path("issuelinks").forEach(link -> {
            JsonNode outward = link.path("outwardIssue");
            if (outward.has("id")) {
                keyByRecordKey.put("relation:" + link.path("id").asText(), "relation " + key + " "
                        + link.path("type").path("outward").asText(link.path("type").path("name").asText("links to")) + " "
                        + outward.path("key").asText(of("issue:" + outward.path("id").asText())));
            }
        });
    }

    /** The readable key behind {@code recordKey}, or the record key itself when Jira does not know it (any more). */
    public String of(String recordKey) {
        String known = keyByRecordKey.get(recordKey);
        if (known != null) {
            return known;
        }
        // membership:<jiraProjectId>_<jiraUserId>, or from a project role <..>_<jiraUserId>_role_<roleId> and
        // <..>_group_<groupId>_role_<roleId>: one membership per project and principal, so one readable key. The user
        // id may itself hold '_', the project id never does.
        if (recordKey.startsWith("membership:") && recordKey.indexOf('_') > 0) {
            String pair = MEMBERSHIP_ROLE.matcher(recordKey).replaceFirst("");
            int split = pair.indexOf('_');
            String principal = pair.substring(split + 1);
            String name = principal.startsWith("group_") ? of("group:" + principal.substring("group_".length()))
                    : of("user:" + principal).replaceFirst("^user ", "");
            return "membership of " + name + " in " + of("project:" + pair.substring("membership:".length(), split));
        }
        return recordKey;
    }

    private static String userName(JsonNode user, String id) {
        String email = user.path("emailAddress").asText("");
        return !email.isBlank() ? email : user.path("displayName").asText(id);
    }
}
