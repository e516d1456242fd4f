package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.normalize.Checksums;
import io.j2o.transformer.resolve.References;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a Jira user into the OpenProject user that stands for it. A body with only a {@code login} names an
 * existing user (an override or the fallback); a full body invites the user, and the loader reuses an existing user
 * with the same login or email instead.
 *
 * <p>Every Jira user gets a command, whatever its state: issues, worklogs and memberships reference users by their
 * Jira id and would otherwise wait forever. Inactive users are invited like active ones (they did the work being
 * migrated; OpenProject can lock them afterwards). A user OpenProject cannot reach by email — no email (Cloud
 * privacy, deleted "Former user"s) or an app/bot account — maps to the fallback user when one is configured, and is
 * otherwise invited under a placeholder address in the reserved {@code .invalid} domain (RFC 2606), which no mail
 * ever reaches and no real user owns, so it neither spams nor collides. So is a user whose email is longer than
 * OpenProject accepts (60 characters): an invitation that cannot be created would hold back all their work.
 */
final class UserRule {

    /** The reserved domain of the placeholder addresses of users without a usable email. */
    static final String PLACEHOLDER_DOMAIN = "jira.invalid";
    /** OpenProject's limits (UserCreateModel): longer values fail validation. */
    private static final int EMAIL_MAX = 60;
    private static final int NAME_MAX = 30;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The body section the loader removes before writing (as for {@code _j2o.texts}). */
    private static final String METADATA = "_j2o";

    private final MappingConfig config;

    UserRule(MappingConfig config) {
        this.config = config;
    }

    /** A Cloud app (bot) account: no person signs in with it, so it is never invited under its own email. */
    static boolean isAppAccount(JsonNode user) {
        return "app".equals(user.path("accountType").asText(""));
    }

    CommandDraft user(String jiraUserId, JsonNode user) {
        String email = user.path("emailAddress").asText("").strip();
        String displayName = user.path("displayName").asText("");
        boolean reachable = email.contains("@") && email.length() <= EMAIL_MAX && !isAppAccount(user);
        boolean fallback = config.unmatchedUsers() == MappingConfig.UnmatchedUsers.FALLBACK || !reachable;
        Optional<String> existingLogin = config.overrideFor(jiraUserId, email.isEmpty() ? null : email)
                .or(() -> fallback ? Optional.ofNullable(config.fallbackLogin()) : Optional.empty());
        ObjectNode body;
        if (existingLogin.isPresent()) {
            body = MAPPER.createObjectNode().put("login", existingLogin.get());
        } else if (reachable) {
            body = invitation(email, email, displayName);
        } else {
            body = invitation(placeholderLogin(jiraUserId), placeholderEmail(jiraUserId), displayName);
        }
        Optional<String> userName = dataCenterUserName(user);
        userName.ifPresent(name -> body.putObject(METADATA).put("userName", name));
        return new CommandDraft(CommandKind.USER, CommandAction.UPSERT, jiraUserId,
                userName.map(References::userNameJiraKey).orElse(displayName.isBlank() ? jiraUserId : displayName), body);
    }

    /**
     * A Data Center user's username ({@code name}; Cloud users have none), which wiki mentions name them by. The
     * command carries it in {@code jiraKey} so that the user's mapping publishes the {@code user_name:} alias, and in
     * the body's transformer section (which the loader drops) so that a renamed user's command changes and its
     * mapping, with the new name, arrives again.
     */
    static Optional<String> dataCenterUserName(JsonNode user) {
        String name = user.path("name").asText("").strip();
        return user.path("accountId").asText("").isBlank() && !name.isEmpty() ? Optional.of(name) : Optional.empty();
    }

    /**
     * A reachable user's login is the email: OpenProject accepts emails as logins, it is what the user will sign in
     * with, and it is the same whichever Jira (Cloud or Data Center) the user comes from.
     */
    private static ObjectNode invitation(String login, String email, String displayName) {
        String name = displayName.isBlank() ? login : displayName.strip();
        // Split at the first space so surname particles stay with the surname ("Ann van Dyke"); OpenProject needs
        // both names, so a single word serves as both.
        int space = name.indexOf(' ');
        String firstName = truncated(space < 0 ? name : name.substring(0, space));
        String lastName = truncated(space < 0 ? name : name.substring(space + 1).strip());
        return MAPPER.createObjectNode()
                .put("login", login)
                .put("email", email)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("status", "invited");
    }

    /** {@code jira-<sanitised id>}: same id, same login, so a replay invites nobody twice. */
    private static String placeholderLogin(String jiraUserId) {
        return "jira-" + sanitised(jiraUserId);
    }

    /**
     * {@code <sanitised id>@jira.invalid}; an id too long for OpenProject's 60 characters is replaced by a hash of
     * it (Cloud's {@code 557058:<uuid>} ids fit: 43 + 13).
     */
    private static String placeholderEmail(String jiraUserId) {
        String local = sanitised(jiraUserId);
        String domain = "@" + PLACEHOLDER_DOMAIN;
        if (local.length() + domain.length() > EMAIL_MAX) {
            local = "jira-" + Checksums.sha256(jiraUserId).substring(0, 32);
        }
        return local + domain;
    }

    /**
     * Lower-case, every character outside {@code [a-z0-9_.-]} replaced by '-': Cloud accountIds hold ':'
     * ({@code 557058:f58131cb-…}), which an email's local part does not allow.
     */
    private static String sanitised(String jiraUserId) {
        return jiraUserId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    private static String truncated(String name) {
        return name.length() <= NAME_MAX ? name : name.substring(0, NAME_MAX).strip();
    }
}
