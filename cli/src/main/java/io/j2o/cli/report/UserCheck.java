package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.rules.CommandDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Each Jira user must stand for exactly one OpenProject user, found by the login the rules give it (the email, a
 * placeholder, an override or the fallback user); an invited user must carry the email and names the rules chose.
 */
final class UserCheck {

    private UserCheck() {
    }

    /**
     * Also records each found user's href under {@code user:<jiraId>}, a Data Center user's also under
     * {@code user_name:<name>}.
     */
    static KindReport check(CheckContext context, List<? extends JsonNode> jiraUsers, List<? extends JsonNode> openProjectUsers) {
        KindFindings findings = context.findings(ValidationReport.USERS);
        Set<String> matched = new HashSet<>();
        for (JsonNode user : jiraUsers) {
            Optional<String> id = JiraIds.user(user);
            if (id.isEmpty()) {
                continue;
            }
            String key = context.keys().of("user:" + id.get());
            Optional<CommandDraft> draft = context.oracle().map(JiraEntityType.USER, id.get(), user);
            String login = draft.map(d -> d.body().path("login").asText("")).orElse("");
            List<? extends JsonNode> found = openProjectUsers.stream()
                    .filter(candidate -> lower(candidate.path("login").asText()).equals(lower(login)) && !login.isEmpty())
                    .toList();
            findings.single(key, found).ifPresent(actual -> {
                String href = HrefIndex.hrefOf(actual);
                context.hrefs().put("user:" + id.get(), href);
                // A Data Center user is also what its username names ([~jdoe] mentions): user_name:<name>.
                References.aliasOf("user:" + id.get(), CommandKind.USER.name(), draft.get().jiraKey())
                        .ifPresent(alias -> context.hrefs().put(alias, href));
                matched.add(href);
                JsonNode wanted = draft.get().body();
                if (wanted.has("email")) {
                    findings.expectSame(key, "email", lower(wanted.path("email").asText()).equals(lower(actual.path("email").asText())));
                    findings.expectSame(key, "firstName", wanted.path("firstName").asText().equals(actual.path("firstName").asText()));
                    findings.expectSame(key, "lastName", wanted.path("lastName").asText().equals(actual.path("lastName").asText()));
                }
            });
        }
        return findings.report(matched.size());
    }

    /** OpenProject compares logins and emails without regard to case. */
    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
