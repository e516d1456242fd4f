package io.j2o.loader.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.markers.TextMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A command kind for the crash test: the commands to load (after creating what they point at) and, per resource
 * OpenProject holds afterwards, the identity two copies of one Jira entity would share.
 */
enum CrashedKind {

    USER {
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            return LoaderHarness.upsert(CommandKind.USER, 40000 + i, JSON.createObjectNode().put("login", "user" + i)
                    .put("email", "user" + i + "@example.com").put("firstName", "User").put("lastName", "No " + i)
                    .put("status", "invited"));
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.users().stream().map(user -> user.path("login").asText())
                    .filter(login -> login.startsWith("user")).toList();
        }
    },
    GROUP {
        /** Group i holds users 0 and i: every group a member list of its own, found again by name. */
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            ObjectNode body = JSON.createObjectNode().put("name", "group-" + i);
            ArrayNode members = body.putObject("_links").putArray("members");
            members.addObject().put("href", fixtures.users().get(0));
            members.addObject().put("href", fixtures.users().get(i));
            return LoaderHarness.upsert(CommandKind.GROUP, 95000 + i, body);
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.groups().stream().map(group -> group.path("name").asText())
                    .filter(name -> name.startsWith("group-")).toList();
        }
    },
    VERSION {
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            ObjectNode body = JSON.createObjectNode().put("name", "1." + i).put("status", "open").put("sharing", "none");
            body.putObject("_links").putObject("definingProject").put("href", fixtures.project());
            return LoaderHarness.upsert(CommandKind.VERSION, 50000 + i, body);
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.versions().stream().map(version -> version.path("name").asText()).toList();
        }
    },
    RELATION {
        /** Relation i joins work package 0 with work package i: one relation per pair, as OpenProject requires. */
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            ObjectNode body = JSON.createObjectNode().put("type", i % 2 == 0 ? "precedes" : "relates").putNull("description");
            ObjectNode links = body.putObject("_links");
            links.putObject("from").put("href", fixtures.workPackages().get(0));
            links.putObject("to").put("href", fixtures.workPackages().get(i));
            return LoaderHarness.upsert(CommandKind.RELATION, 60000 + i, body);
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.relations().stream().map(relation -> pair(relation.path("_links"))).toList();
        }

        private static String pair(JsonNode links) {
            String from = links.path("from").path("href").asText();
            String to = links.path("to").path("href").asText();
            return from.compareTo(to) < 0 ? from + "|" + to : to + "|" + from;
        }
    },
    TIME_ENTRY {
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            ObjectNode body = JSON.createObjectNode().put("hours", "PT0.5H").put("spentOn", "2024-05-01");
            body.putObject("comment").put("raw", TextMarker.WORKLOG.append("Worked " + i, Integer.toString(70000 + i)));
            ObjectNode links = body.putObject("_links");
            links.putObject("workPackage").put("href", fixtures.workPackages().get(i % 2));
            links.putObject("user").put("href", "/api/v3/users/1");
            return LoaderHarness.upsert(CommandKind.TIME_ENTRY, 70000 + i, body);
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.timeEntries().stream()
                    .map(entry -> TextMarker.WORKLOG.idIn(entry.path("comment").path("raw").asText()).orElse("unmarked"))
                    .toList();
        }
    },
    ATTACHMENT {
        /**
         * The same Jira file, same name and size, once per command on two work packages: told apart and found again
         * by the marker of its Jira attachment id alone.
         */
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            JsonNode source = fixtures.jiraAttachment().get();
            ObjectNode body = JSON.createObjectNode().put("fileName", source.path("filename").asText())
                    .put("size", source.path("size").asLong()).put("contentType", source.path("mimeType").asText())
                    .put("jiraContent", source.path("content").asText());
            body.putObject("description").put("raw", TextMarker.ATTACHMENT.append("Originally attached by Ann in Jira",
                    String.valueOf(90000 + i)));
            body.putObject("_links").putObject("workPackage").put("href", fixtures.workPackages().get(i % 2));
            return LoaderHarness.upsert(CommandKind.ATTACHMENT, 90000 + i, body);
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.attachments().stream()
                    .map(a -> TextMarker.ATTACHMENT.idIn(a.path("description").path("raw").asText()).orElse("unmarked"))
                    .toList();
        }
    },
    MEMBERSHIP {
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            return LoaderHarness.upsert(CommandKind.MEMBERSHIP, 80000 + i,
                    membership(fixtures.project(), fixtures.users().get(i), "/api/v3/roles/4"));
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.memberships().stream().map(m -> m.path("_links").path("principal").path("href").asText())
                    .toList();
        }
    },
    GROUP_MEMBERSHIP {
        /** Group i becomes a member of the project: a group principal, found again by project and principal. */
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            return LoaderHarness.upsert(CommandKind.MEMBERSHIP, 85000 + i,
                    membership(fixtures.project(), fixtures.groups().get(i), "/api/v3/roles/4"));
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.memberships().stream().map(m -> m.path("_links").path("principal").path("href").asText())
                    .filter(principal -> principal.contains("/groups/")).toList();
        }
    },
    ROLE_MEMBERSHIP {
        /** User i is already a member through an issue (another command key): a project role adds its role. */
        @Override
        void prepare(LoaderHarness harness, Fixtures fixtures) {
            fixtures.users().stream().skip(1).forEach(user -> member(harness, fixtures.project(), user));
        }

        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            return LoaderHarness.upsert(CommandKind.MEMBERSHIP, 86000 + i,
                    membership(fixtures.project(), fixtures.users().get(i), "/api/v3/roles/3"));
        }

        /** The principal with every role it holds: one membership each, holding both roles. */
        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.memberships().stream().map(m -> m.path("_links").path("principal").path("href").asText()
                    + "|" + m.path("_links").path("roles").findValuesAsText("href").stream().sorted().toList()).toList();
        }
    },
    WATCHER {
        /** Only a member of the project may watch: the users join it first, straight in OpenProject. */
        @Override
        void prepare(LoaderHarness harness, Fixtures fixtures) {
            fixtures.users().forEach(user -> member(harness, fixtures.project(), user));
        }

        /** User i watches work package i. */
        @Override
        Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode links = body.putObject("_links");
            links.putObject("workPackage").put("href", fixtures.workPackages().get(i));
            links.putObject("user").put("href", fixtures.users().get(i));
            return LoaderHarness.upsert(CommandKind.WATCHER, 90000 + i, body);
        }

        @Override
        List<String> identities(OpenProjectSimulator openProject) {
            return openProject.watchers().stream().map(w -> w.at("/_links/workPackage/href").asText() + "|"
                    + w.at("/_links/user/href").asText()).toList();
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Makes {@code user} a member of {@code project}, straight in OpenProject, unless another kind did already. */
    static void member(LoaderHarness harness, String project, String user) {
        boolean member = harness.openProject.memberships().stream().anyMatch(m -> m.at("/_links/project/href").asText()
                .equals(project) && m.at("/_links/principal/href").asText().equals(user));
        if (!member) {
            harness.create("/api/v3/memberships", membership(project, user, "/api/v3/roles/4"));
        }
    }

    /** A membership body: {@code principal} (user or group) in {@code project} with the one role {@code role}. */
    private static ObjectNode membership(String project, String principal, String role) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode links = body.putObject("_links");
        links.putObject("project").put("href", project);
        links.putObject("principal").put("href", principal);
        links.putArray("roles").addObject().put("href", role);
        return body;
    }

    /** Whatever else OpenProject must hold before the commands can apply; written before the writes are counted. */
    void prepare(LoaderHarness harness, Fixtures fixtures) {
    }

    /** The command for the {@code i}th Jira entity of this kind, 1-based. */
    abstract Map.Entry<String, OpenProjectCommand> command(Fixtures fixtures, int i);

    /** One identity per resource of this kind in OpenProject. */
    abstract List<String> identities(OpenProjectSimulator openProject);

    List<Map.Entry<String, OpenProjectCommand>> commands(Fixtures fixtures, int count) {
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            commands.add(command(fixtures, i));
        }
        return commands;
    }

    /**
     * What the commands point at, created straight in OpenProject: a project, work packages, users and (empty) groups
     * 0..count.
     */
    record Fixtures(String project, List<String> workPackages, List<String> users, List<String> groups,
                    Supplier<JsonNode> jiraAttachment) {

        static Fixtures create(LoaderHarness harness, int count) {
            String project = harness.createProject("crashed");
            List<String> workPackages = new ArrayList<>();
            List<String> users = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (int i = 0; i <= count; i++) {
                groups.add(harness.create("/api/v3/groups", JSON.createObjectNode().put("name", "team-" + i)));
                workPackages.add(harness.createWorkPackage(project, "CRASHED-" + i));
                users.add(harness.create("/api/v3/users", JSON.createObjectNode().put("login", "member" + i)
                        .put("email", "member" + i + "@example.com").put("firstName", "Member").put("lastName", "No " + i)
                        .put("status", "invited")));
            }
            return new Fixtures(project, workPackages, users, groups, harness::smallJiraAttachment);
        }
    }
}
