package io.j2o.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.transformer.rules.CatalogEntry;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.rules.OpenProjectCatalog;
import io.j2o.transformer.rules.WorkPackageCustomField;
import io.j2o.transformer.rules.WorkPackageCustomField.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORK_PACKAGE = "/api/v3/work_packages/7";
    private static final String HEADER_1 = "*Originally by Ann on 2025-03-04T10:11:12Z in Jira*\n\nfirst";
    private static final String HEADER_2 = "*Originally by Ann on 2025-03-04T10:11:12Z in Jira*\n\nsecond";

    private static final MappingRules RULES = new MappingRules(new OpenProjectCatalog(
            List.of(new CatalogEntry("Task", "/api/v3/types/1", true)),
            List.of(new CatalogEntry("New", "/api/v3/statuses/1", true)),
            List.of(new CatalogEntry("Normal", "/api/v3/priorities/8", true)), Map.of(),
            List.of(new CatalogEntry("Member", "/api/v3/roles/4", false))).withCustomFields(List.of(
            new WorkPackageCustomField("customField2", "Story points", Format.FLOAT, false, Map.of()),
            new WorkPackageCustomField("customField3", "Platforms", Format.LIST, true,
                    Map.of("iOS", "/api/v3/custom_options/5", "Android", "/api/v3/custom_options/6")))),
            "customField1", MappingConfig.defaults().withCustomFields(Map.of("customfield_10016", "customField2",
                    "customfield_10020", "customField3")));

    private final MigrationValidator validator = new MigrationValidator(RULES, "customField1", JiraFlavour.CLOUD);

    @Test
    void commentsHeldOnceWithTheirTextMatchAndTombstonesOfRemovedOnesAreIgnored() throws Exception {
        ValidationReport report = validate(List.of(activity(""), activity(CommentMarker.append(HEADER_1, "501")),
                activity(CommentMarker.append(HEADER_2, "502")), activity(CommentMarker.tombstone("499"))));

        assertThat(report.mismatched()).isEmpty();
        assertThat(report.jiraComments()).isEqualTo(2);
        assertThat(report.openProjectComments()).isEqualTo(2);
    }

    @Test
    void missingDuplicatedEditedOrUnexpectedCommentsAreReportedAsCommentMismatch() throws Exception {
        String first = CommentMarker.append(HEADER_1, "501");
        String second = CommentMarker.append(HEADER_2, "502");
        for (List<JsonNode> activities : List.of(
                List.of(activity(first)),
                List.of(activity(first), activity(second), activity(second)),
                List.of(activity(first), activity(CommentMarker.append(HEADER_2 + " edited", "502"))),
                List.of(activity(first), activity(second), activity("typed by someone in OpenProject")))) {
            assertThat(validate(activities).mismatched()).as(activities.toString())
                    .containsExactly(new ValidationReport.Mismatch("ALPHA-1", "comments"));
        }
    }

    @Test
    void parentLinkMustPointAtTheParentIssuesWorkPackageOrBeAbsentWhenJiraHasNone() throws Exception {
        JsonNode project = JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\",\"name\":\"Alpha\"}");
        JsonNode opProject = JSON.readTree("""
                {"identifier":"alpha","name":"Alpha","_links":{"self":{"href":"/api/v3/projects/3"}}}""");
        List<JsonNode> issues = List.of(issue("20001", "ALPHA-1", null), issue("20002", "ALPHA-2", "20001"),
                issue("20003", "ALPHA-3", "20001"), issue("20004", "ALPHA-4", null));
        List<JsonNode> workPackages = List.of(workPackage(1, "ALPHA-1", null), workPackage(2, "ALPHA-2", 1),
                workPackage(3, "ALPHA-3", 4), workPackage(4, "ALPHA-4", 1));

        ValidationReport report = validator.validate(new JiraState(List.of(project), issues, List.of(), List.of()),
                OpenProjectState.of(List.of(opProject), workPackages, List.of()), Map.of(), Map.of());

        assertThat(report.mismatched()).containsExactly(new ValidationReport.Mismatch("ALPHA-3", "parent"),
                new ValidationReport.Mismatch("ALPHA-4", "parent"));
        assertThat(validator.validate(new JiraState(List.of(project), List.of(issues.get(1)), List.of(), List.of()),
                OpenProjectState.of(List.of(opProject), workPackages, List.of()), Map.of(), Map.of()).mismatched())
                .as("a child validated without its parent's issue").isEmpty();
    }

    @Test
    void everyKindIsCountedOnBothSidesAndACompleteMigrationIsClean() throws Exception {
        ValidationReport report = validateKinds(Site.migrated());

        assertThat(report.isClean()).as(report.toString()).isTrue();
        for (String kind : List.of(ValidationReport.USERS, ValidationReport.GROUPS, ValidationReport.MEMBERSHIPS, ValidationReport.RELATIONS,
                ValidationReport.TIME_ENTRIES, ValidationReport.ATTACHMENTS, ValidationReport.WATCHERS)) {
            assertThat(report.kind(kind).jira()).as(kind).isPositive().isEqualTo(report.kind(kind).openProject());
        }
        assertThat(report.kind(ValidationReport.USERS).jira()).isEqualTo(2);
        assertThat(report.kind(ValidationReport.TIME_ENTRIES).jira()).isEqualTo(1);
    }

    @Test
    void aRelationOpenProjectStoresTheOtherWayRoundWithTheReverseTypeMatches() throws Exception {
        Site site = Site.migrated();
        site.relations.set(0, relation("/api/v3/work_packages/2", "/api/v3/work_packages/1", "blocked", "blocks"));

        assertThat(validateKinds(site).isClean()).isTrue();
    }

    @Test
    void aMissingRelationIsListedByTheIssueKeysAndLinkNameUnlessParked() throws Exception {
        Site site = Site.migrated();
        site.relations.clear();

        ValidationReport report = validateKinds(site);

        assertThat(report.missing()).containsExactly("relation ALPHA-1 blocks ALPHA-2");
        assertThat(report.kind(ValidationReport.RELATIONS)).extracting(KindReport::jira, KindReport::openProject)
                .containsExactly(1, 0);
        ValidationReport.Parked parked = new ValidationReport.Parked("relation ALPHA-1 blocks ALPHA-2", "LOADER",
                "VALIDATION", "422");
        assertThat(validator.validate(site.jira(), site.openProject(), Map.of(parked.key(), parked), Map.of()).isClean())
                .isTrue();
    }

    @Test
    void aTimeEntryHeldTwiceIsADuplicatedWorklog() throws Exception {
        Site site = Site.migrated();
        site.timeEntries.add(site.timeEntries.get(0).deepCopy());

        ValidationReport report = validateKinds(site);

        assertThat(report.duplicates()).containsExactly("worklog 300 on ALPHA-1");
        assertThat(report.kind(ValidationReport.TIME_ENTRIES).openProject()).isEqualTo(2);
    }

    @Test
    void timeEntryHoursAreComparedAsDurationsNotText() throws Exception {
        Site site = Site.migrated();
        ((ObjectNode) site.timeEntries.get(0)).put("hours", "PT1H30M");
        assertThat(validateKinds(site).isClean()).isTrue();

        ((ObjectNode) site.timeEntries.get(0)).put("hours", "PT1H");
        assertThat(validateKinds(site).mismatched()).containsExactly(new ValidationReport.Mismatch("worklog 300 on ALPHA-1", "hours"));
    }

    @Test
    void aMissingAttachmentIsListedByFileNameAndIssueUnlessParkedOverTheSizeLimit() throws Exception {
        Site site = Site.migrated();
        site.attachments.clear();

        ValidationReport report = validateKinds(site);

        assertThat(report.missing()).containsExactly("attachment spec-85.pdf on ALPHA-1");
        assertThat(report.kind(ValidationReport.ATTACHMENTS)).extracting(KindReport::jira, KindReport::openProject)
                .containsExactly(1, 0);
        ValidationReport.Parked parked = new ValidationReport.Parked("attachment spec-85.pdf on ALPHA-1", "LOAD",
                "VALIDATION", "over OpenProject's limit");
        assertThat(validator.validate(site.jira(), site.openProject(), Map.of(parked.key(), parked), Map.of()).isClean())
                .isTrue();
    }

    @Test
    void anAttachmentOfAnotherSizeIsNotTheJiraAttachment() throws Exception {
        Site site = Site.migrated();
        ((ObjectNode) site.attachments.get(0)).put("fileSize", 1233);

        assertThat(validateKinds(site).missing()).containsExactly("attachment spec-85.pdf on ALPHA-1");
    }

    @Test
    void anAttachmentMarkedAsAnotherJiraAttachmentOfTheSameNameAndSizeIsNotThisOne() throws Exception {
        Site site = Site.migrated();
        ObjectNode twin = (ObjectNode) site.attachments.get(0);
        ((ObjectNode) twin.path("description")).put("raw", TextMarker.ATTACHMENT.of("701"));

        assertThat(validateKinds(site).missing()).containsExactly("attachment spec-85.pdf on ALPHA-1");
    }

    @Test
    void aGroupIsFoundByNameIgnoringCaseAndMustHoldExactlyItsMigratedMembers() throws Exception {
        Site site = Site.migrated();
        ((ArrayNode) site.openProjectGroups.get(0).path("_links").path("members")).remove(0);

        assertThat(validateKinds(site).mismatched()).containsExactly(new ValidationReport.Mismatch("group developers", "members"));
        site.openProjectGroups.clear();
        assertThat(validateKinds(site).missing()).containsExactly("group developers");
    }

    @Test
    void aWatcherHeldTwiceIsADuplicatedWatcherNamedByEmailAndIssue() throws Exception {
        Site site = Site.migrated();
        site.watchers.add(site.watchers.get(0).deepCopy());

        ValidationReport report = validateKinds(site);

        assertThat(report.duplicates()).containsExactly("watcher bob@example.com on ALPHA-1");
        assertThat(report.kind(ValidationReport.WATCHERS)).extracting(KindReport::jira, KindReport::openProject)
                .containsExactly(1, 2);
    }

    @Test
    void customFieldsAreComparedByValueAndAsSetsAndAWrongOneIsNamedByItsProperty() throws Exception {
        Site site = Site.migrated();
        ObjectNode workPackage = (ObjectNode) site.workPackages.get(0);
        workPackage.put("customField2", 3);
        assertThat(validateKinds(site).isClean()).as("3 is 3.0, options in any order").isTrue();

        workPackage.put("customField2", 5.0);
        ((ObjectNode) workPackage.path("_links")).set("customField3", JSON.readTree("[{\"href\":\"/api/v3/custom_options/5\"}]"));

        assertThat(validateKinds(site).mismatched()).containsExactly(new ValidationReport.Mismatch("ALPHA-1", "customField2"),
                new ValidationReport.Mismatch("ALPHA-1", "customField3"));
    }

    @Test
    void aWorkPackageAssignedToSomeoneElseIsAnAssigneeMismatch() throws Exception {
        Site site = Site.migrated();
        ((ObjectNode) site.workPackages.get(0).path("_links").path("assignee")).put("href", "/api/v3/users/6");

        assertThat(validateKinds(site).mismatched()).containsExactly(new ValidationReport.Mismatch("ALPHA-1", "assignee"));
    }

    @Test
    void aUserMissingFromOpenProjectIsListedByEmailAndItsMembershipByProject() throws Exception {
        Site site = Site.migrated();
        site.openProjectUsers.remove(0);

        ValidationReport report = validateKinds(site);

        assertThat(report.missing()).contains("user ann@example.com", "membership of ann@example.com in ALPHA");
    }

    @Test
    void projectRoleActorsAreExpectedAsMembershipsOfTheirGroupAndUserAndAGroupMembershipIsCounted() throws Exception {
        Site site = Site.migrated();
        site.projectRoles.add(developersRole());

        ValidationReport report = validateKinds(site);
        assertThat(report.missing()).containsExactly("membership of group developers in ALPHA");

        site.memberships.add(JSON.readTree("""
                {"_links":{"project":{"href":"/api/v3/projects/3"},"principal":{"href":"/api/v3/groups/20"},
                 "roles":[{"href":"/api/v3/roles/4"}]}}"""));
        report = validateKinds(site);
        assertThat(report.isClean()).isTrue();
        assertThat(report.kind(ValidationReport.MEMBERSHIPS)).as("ann once, though an issue and a role both name her")
                .extracting(KindReport::jira, KindReport::openProject).containsExactly(3, 3);
    }

    @Test
    void aUserInAnIssueAndAProjectRoleMustHoldTheRolesOfBoth() throws Exception {
        MappingRules rules = new MappingRules(new OpenProjectCatalog(
                List.of(new CatalogEntry("Task", "/api/v3/types/1", true)),
                List.of(new CatalogEntry("New", "/api/v3/statuses/1", true)),
                List.of(new CatalogEntry("Normal", "/api/v3/priorities/8", true)), Map.of(),
                List.of(new CatalogEntry("Member", "/api/v3/roles/4", false),
                        new CatalogEntry("Project admin", "/api/v3/roles/3", false))),
                "customField1", MappingConfig.defaults().withRoles(Map.of("Developers", "Project admin")));
        Site site = Site.migrated();
        site.projectRoles.add(developersRole());
        site.memberships.add(JSON.readTree("""
                {"_links":{"project":{"href":"/api/v3/projects/3"},"principal":{"href":"/api/v3/groups/20"},
                 "roles":[{"href":"/api/v3/roles/3"}]}}"""));
        MigrationValidator withRoles = new MigrationValidator(rules, "customField1", JiraFlavour.CLOUD);

        assertThat(withRoles.validate(site.jira(), site.openProject(), Map.of(), Map.of()).mismatched())
                .containsExactly(new ValidationReport.Mismatch("membership of ann@example.com in ALPHA", "roles"));

        ((ArrayNode) site.memberships.get(0).path("_links").path("roles")).addObject().put("href", "/api/v3/roles/3");
        assertThat(withRoles.validate(site.jira(), site.openProject(), Map.of(), Map.of()).mismatched()).isEmpty();
    }

    private static JsonNode developersRole() throws Exception {
        return JSON.readTree("""
                {"self":"https://jira.example.com/rest/api/3/project/ALPHA/role/10001","name":"Developers","id":10001,
                 "actors":[{"id":1,"type":"atlassian-group-role-actor","name":"developers",
                   "actorGroup":{"name":"developers","groupId":"g-1"}},
                  {"id":2,"type":"atlassian-user-role-actor","actorUser":{"accountId":"acc-ann"}}]}""");
    }

    private ValidationReport validateKinds(Site site) throws Exception {
        return validator.validate(site.jira(), site.openProject(), Map.of(), Map.of());
    }

    /**
     * A small site with two users, ALPHA-1 assigned to Ann with one worklog, a link "ALPHA-1 blocks ALPHA-2", an
     * attachment, Bob watching, 3 story points and two platforms, and OpenProject holding exactly what the migration
     * should have made of it; tests break one thing at a time.
     */
    private record Site(List<JsonNode> issues, List<JsonNode> users, List<JsonNode> workPackages,
                        List<JsonNode> openProjectUsers, List<JsonNode> memberships, List<JsonNode> relations,
                        List<JsonNode> timeEntries, List<JsonNode> attachments, List<JsonNode> watchers,
                        List<JsonNode> groups, List<JsonNode> openProjectGroups, List<JsonNode> projectRoles) {

        static Site migrated() throws Exception {
            JsonNode ann = JSON.readTree("{\"accountId\":\"acc-ann\",\"emailAddress\":\"ann@example.com\",\"displayName\":\"Ann Lee\"}");
            JsonNode bob = JSON.readTree("{\"accountId\":\"acc-bob\",\"emailAddress\":\"bob@example.com\",\"displayName\":\"Bob Ray\"}");
            ObjectNode first = (ObjectNode) issue("20001", "ALPHA-1", null);
            ObjectNode fields = (ObjectNode) first.path("fields");
            fields.set("assignee", ann);
            fields.set("reporter", ann);
            fields.set("issuelinks", JSON.readTree("""
                    [{"id":"900","type":{"name":"Blocks","inward":"is blocked by","outward":"blocks"},
                      "outwardIssue":{"id":"20002","key":"ALPHA-2"}}]"""));
            fields.set("worklog", JSON.readTree("""
                    {"startAt":0,"maxResults":20,"total":1,"worklogs":[{"id":"300","author":{"accountId":"acc-ann",
                     "displayName":"Ann Lee"},"timeSpentSeconds":5400,"started":"2025-03-04T10:11:12.000+0000",
                     "created":"2025-03-04T10:11:12.000+0000"}]}"""));
            fields.set("attachment", JSON.readTree("""
                    [{"id":"700","filename":"spec-85.pdf","size":1234,"mimeType":"application/pdf",
                      "content":"https://jira.example.com/rest/api/3/attachment/content/700",
                      "author":{"displayName":"Ann Lee"},"created":"2025-03-04T10:11:12.000+0000"}]"""));
            fields.set("watches", JSON.createObjectNode().put("watchCount", 1).set("watchers", JSON.createArrayNode().add(bob)));
            fields.put("customfield_10016", 3);
            fields.set("customfield_10020", JSON.readTree("[{\"value\":\"iOS\"},{\"value\":\"Android\"}]"));
            ObjectNode firstWorkPackage = (ObjectNode) workPackage(1, "ALPHA-1", null);
            firstWorkPackage.put("customField2", 3.0);
            ObjectNode links = (ObjectNode) firstWorkPackage.path("_links");
            links.putObject("assignee").put("href", "/api/v3/users/5");
            links.putObject("responsible").put("href", "/api/v3/users/5");
            links.set("customField3", JSON.readTree("""
                    [{"href":"/api/v3/custom_options/6"},{"href":"/api/v3/custom_options/5"}]"""));
            String attachmentDescription = new RuleOracle(RULES, JiraFlavour.CLOUD).children(first, CommandKind.ATTACHMENT).orElseThrow()
                    .upserts().get(0).body().path("description").path("raw").asText();
            // The worklog's comment as the rules write it: its header and marker are the rules' business.
            String worklogComment = new RuleOracle(RULES, JiraFlavour.CLOUD).children(first, CommandKind.TIME_ENTRY).orElseThrow()
                    .upserts().get(0).body().path("comment").path("raw").asText();
            return new Site(List.of(first, issue("20002", "ALPHA-2", null)), List.of(ann, bob),
                    new ArrayList<>(List.of(firstWorkPackage, workPackage(2, "ALPHA-2", null))),
                    new ArrayList<>(List.of(user(5, "ann@example.com", "Ann", "Lee"), user(6, "bob@example.com", "Bob", "Ray"))),
                    new ArrayList<>(List.of(membership(5), membership(6))),
                    new ArrayList<>(List.of(relation("/api/v3/work_packages/1", "/api/v3/work_packages/2", "blocks", "blocked"))),
                    new ArrayList<>(List.of(JSON.readTree("""
                            {"hours":"PT1.5H","spentOn":"2025-03-04","comment":{"raw":%s},
                             "_links":{"entity":{"href":"/api/v3/work_packages/1"},"user":{"href":"/api/v3/users/5"}}}"""
                            .formatted(JSON.writeValueAsString(worklogComment))))),
                    new ArrayList<>(List.of(JSON.readTree("""
                            {"fileName":"spec-85.pdf","fileSize":1234,"contentType":"application/pdf","description":{"raw":%s},
                             "_links":{"self":{"href":"/api/v3/attachments/9"},"container":{"href":"/api/v3/work_packages/1"}}}"""
                            .formatted(JSON.writeValueAsString(attachmentDescription))))),
                    new ArrayList<>(List.of(JSON.readTree("""
                            {"_links":{"workPackage":{"href":"/api/v3/work_packages/1"},"user":{"href":"/api/v3/users/6"}}}"""))),
                    List.of(JSON.createObjectNode().put("groupId", "g-1").put("name", "developers")
                            .set("users", JSON.createArrayNode().add(ann).add(bob))),
                    new ArrayList<>(List.of(JSON.readTree("""
                            {"name":"Developers","_links":{"self":{"href":"/api/v3/groups/20"},
                             "members":[{"href":"/api/v3/users/6"},{"href":"/api/v3/users/5"}]}}"""))),
                    new ArrayList<>());
        }

        private static JsonNode membership(int user) throws Exception {
            return JSON.readTree("""
                    {"_links":{"project":{"href":"/api/v3/projects/3"},"principal":{"href":"/api/v3/users/%d"},
                     "roles":[{"href":"/api/v3/roles/4"}]}}""".formatted(user));
        }

        JiraState jira() throws Exception {
            return new JiraState(List.of(JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\",\"name\":\"Alpha\"}")), issues,
                    users, List.of(), groups, projectRoles);
        }

        OpenProjectState openProject() throws Exception {
            return new OpenProjectState(List.of(JSON.readTree("""
                    {"identifier":"alpha","name":"Alpha","_links":{"self":{"href":"/api/v3/projects/3"}}}""")),
                    workPackages, List.of(), openProjectUsers, List.of(), memberships, relations, timeEntries, attachments,
                    watchers, openProjectGroups);
        }
    }

    private static JsonNode user(int id, String email, String firstName, String lastName) throws Exception {
        return JSON.readTree("""
                {"login":"%s","email":"%s","firstName":"%s","lastName":"%s","_links":{"self":{"href":"/api/v3/users/%d"}}}"""
                .formatted(email, email, firstName, lastName, id));
    }

    private static JsonNode relation(String from, String to, String type, String reverseType) throws Exception {
        return JSON.readTree("""
                {"type":"%s","reverseType":"%s","_links":{"from":{"href":"%s"},"to":{"href":"%s"}}}"""
                .formatted(type, reverseType, from, to));
    }

    private static JsonNode issue(String id, String key, String parentId) throws Exception {
        String parent = parentId == null ? "" : ",\"parent\":{\"id\":\"" + parentId + "\",\"key\":\"ALPHA-1\"}";
        return JSON.readTree("""
                {"id":"%s","key":"%s","fields":{"summary":"Fix","project":{"id":"10000"},"issuetype":{"name":"Task"},
                 "status":{"name":"New"},"priority":{"name":"Normal"}%s}}""".formatted(id, key, parent));
    }

    private static JsonNode workPackage(int id, String key, Integer parent) throws Exception {
        return JSON.readTree("""
                {"subject":"Fix","customField1":"%s","description":{"raw":""},
                 "_links":{"self":{"href":"/api/v3/work_packages/%d"},"project":{"href":"/api/v3/projects/3"},
                 "type":{"href":"/api/v3/types/1"},"status":{"href":"/api/v3/statuses/1"},
                 "priority":{"href":"/api/v3/priorities/8"},"parent":{"href":%s}}}""".formatted(key, id,
                parent == null ? "null" : "\"/api/v3/work_packages/" + parent + "\""));
    }

    private ValidationReport validate(List<JsonNode> activities) throws Exception {
        JsonNode project = JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\",\"name\":\"Alpha\"}");
        JsonNode issue = JSON.readTree("""
                {"id":"20001","key":"ALPHA-1","fields":{"summary":"Fix","project":{"id":"10000"},
                 "issuetype":{"name":"Task"},"status":{"name":"New"},"priority":{"name":"Normal"},
                 "comment":{"startAt":0,"maxResults":2,"total":2,"comments":[
                   {"id":"501","author":{"displayName":"Ann"},"body":"first","created":"2025-03-04T10:11:12.000+0000"},
                   {"id":"502","author":{"displayName":"Ann"},"body":"second","created":"2025-03-04T10:11:12.000+0000"}]}}}
                """);
        JsonNode opProject = JSON.readTree("""
                {"identifier":"alpha","name":"Alpha","_links":{"self":{"href":"/api/v3/projects/3"}}}""");
        JsonNode workPackage = JSON.readTree("""
                {"subject":"Fix","customField1":"ALPHA-1","description":{"raw":""},
                 "_links":{"self":{"href":"%s"},"project":{"href":"/api/v3/projects/3"},"type":{"href":"/api/v3/types/1"},
                 "status":{"href":"/api/v3/statuses/1"},"priority":{"href":"/api/v3/priorities/8"}}}""".formatted(WORK_PACKAGE));
        return validator.validate(new JiraState(List.of(project), List.of(issue), List.of(), List.of()),
                OpenProjectState.of(List.of(opProject), List.of(workPackage), activities), Map.of(), Map.of());
    }

    private static JsonNode activity(String raw) {
        ObjectNode activity = JSON.createObjectNode();
        activity.putObject("comment").put("format", "markdown").put("raw", raw);
        activity.putObject("_links").putObject("workPackage").put("href", WORK_PACKAGE);
        return activity;
    }
}
