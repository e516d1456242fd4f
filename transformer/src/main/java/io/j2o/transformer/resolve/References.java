package io.j2o.transformer.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.topics.EntityKeys;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Placeholders for references to other migrated entities: a rule writes {@code j2o:ref:<command key>} where an
 * OpenProject href belongs, and the resolver replaces it with the href from that entity's mapping.
 */
public final class References {

    static final String PREFIX = "j2o:ref:";
    private static final String ISSUE_KEY = "issue_key:";
    private static final String USER_NAME = "user_name:";
    /** How a Data Center user's command and mapping name it in {@code jiraKey}: its mention syntax, {@code ~jdoe}. */
    private static final String USER_NAME_KEY = "~";

    private References() {
    }

    public static String placeholder(CommandKind kind, String jiraId) {
        return PREFIX + EntityKeys.commandKey(kind, jiraId);
    }

    /**
     * The reference key of a work package known by its Jira issue key ({@code issue_key:ALPHA-7}): a work package's
     * mapping is also published under it, so text and Data Center Epic Links that name an issue by key can wait for it.
     */
    public static String issueKeyReference(String issueKey) {
        return ISSUE_KEY + issueKey;
    }

    /**
     * The reference key of a Data Center user known by its username ({@code user_name:jdoe}), which wiki mentions
     * ({@code [~jdoe]}) name: a user's key ({@code JIRAUSER10100}) differs from it for users created since Jira 8, so
     * the user's mapping is also published under it. Lower case: Jira matches usernames ignoring case.
     */
    public static String userNameReference(String userName) {
        return USER_NAME + userName.toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code jiraKey} of a Data Center user's command, {@code ~<username>}: the loader copies it into the user's
     * mapping, whose arrival then publishes the {@link #userNameReference} alias. The prefix tells it from the display
     * name a Cloud user's command carries there.
     */
    public static String userNameJiraKey(String userName) {
        return USER_NAME_KEY + userName;
    }

    /** The placeholder for a work package named by its Jira issue key; resolved like any other reference. */
    public static String issueKeyPlaceholder(String issueKey) {
        return PREFIX + issueKeyReference(issueKey);
    }

    /**
     * The alias a mapping is also known by (and is not already an alias): a work package's {@code issue_key:<KEY>}
     * when it names its Jira key, a Data Center user's {@code user_name:<name>} when its jiraKey is
     * {@link #userNameJiraKey}; empty otherwise.
     */
    public static Optional<String> aliasOf(String mappingKey, String kind, String jiraKey) {
        if (jiraKey == null || jiraKey.isBlank()) {
            return Optional.empty();
        }
        if (CommandKind.WORK_PACKAGE.name().equals(kind)
                && mappingKey.startsWith(EntityKeys.commandKey(CommandKind.WORK_PACKAGE, ""))) {
            return Optional.of(issueKeyReference(jiraKey));
        }
        boolean dataCenterUser = CommandKind.USER.name().equals(kind)
                && mappingKey.startsWith(EntityKeys.commandKey(CommandKind.USER, ""))
                && jiraKey.startsWith(USER_NAME_KEY) && !jiraKey.substring(USER_NAME_KEY.length()).isBlank();
        return dataCenterUser ? Optional.of(userNameReference(jiraKey.substring(USER_NAME_KEY.length())))
                : Optional.empty();
    }

    /** Whether the body holds a placeholder for {@code referenceKey}: it cannot be written before that mapping exists. */
    public static boolean needs(JsonNode body, String referenceKey) {
        if (body == null) {
            return false;
        }
        if (body.isTextual()) {
            return body.asText().equals(PREFIX + referenceKey);
        }
        for (JsonNode child : body) {
            if (needs(child, referenceKey)) {
                return true;
            }
        }
        return false;
    }

    /** The command key of the first reference still unresolved in the body, depth first, if any. */
    public static Optional<String> firstUnresolved(JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        if (body.isTextual() && body.asText().startsWith(PREFIX)) {
            return Optional.of(body.asText().substring(PREFIX.length()));
        }
        for (JsonNode child : body) {
            Optional<String> found = firstUnresolved(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Replaces every placeholder for {@code referenceKey} with {@code href}, in place. */
    public static void resolve(JsonNode body, String referenceKey, String href) {
        if (body == null || !body.isContainerNode()) {
            return;
        }
        String placeholder = PREFIX + referenceKey;
        if (body instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (placeholder.equals(field.getValue().asText(null)) && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(href));
                } else {
                    resolve(field.getValue(), referenceKey, href);
                }
            }
        } else {
            for (int i = 0; i < body.size(); i++) {
                JsonNode element = body.get(i);
                if (element.isTextual() && placeholder.equals(element.asText())) {
                    ((ArrayNode) body).set(i, TextNode.valueOf(href));
                } else {
                    resolve(element, referenceKey, href);
                }
            }
        }
    }
}
