package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.resolve.References;
import java.util.TreeSet;

/**
 * Turns a Jira group with its complete member list into an OpenProject group of the same name. The members are the
 * users their own user commands migrate, sorted by Jira id so that the same members always make the same command
 * (and checksum) whatever order Jira listed them in. App accounts are left out: they are nobody's login, only a
 * placeholder or the fallback user stands for them, and putting those in a group would hand them its permissions.
 */
final class GroupRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    CommandDraft group(String groupId, JsonNode group) {
        String name = group.path("name").asText("").strip();
        if (name.isEmpty()) {
            throw new MappingException("group " + groupId + " has no name");
        }
        TreeSet<String> memberIds = new TreeSet<>();
        for (JsonNode user : group.path("users")) {
            if (!UserRule.isAppAccount(user)) {
                JiraIds.user(user).ifPresent(memberIds::add);
            }
        }
        ObjectNode body = MAPPER.createObjectNode().put("name", name);
        ArrayNode members = body.putObject("_links").putArray("members");
        memberIds.forEach(id -> members.addObject().put("href", References.placeholder(CommandKind.USER, id)));
        return new CommandDraft(CommandKind.GROUP, CommandAction.UPSERT, groupId, name, body);
    }
}
