package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Links issues of the same project with Jira Cloud's default link types. A link has one id and shows on both of its
 * issues: the issue it goes out from lists the other as {@code outwardIssue} ("A blocks B"), the other lists the
 * first as {@code inwardIssue} ("B is blocked by A").
 */
final class IssueLinkGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ID = 10000;
    /** One issue in this many links to an earlier issue of its project. */
    private static final int LINK_ODDS = 5;
    private static final List<String[]> TYPES = List.of(
            new String[] {"10000", "Blocks", "is blocked by", "blocks"},
            new String[] {"10001", "Cloners", "is cloned by", "clones"},
            new String[] {"10002", "Duplicate", "is duplicated by", "duplicates"},
            new String[] {"10003", "Relates", "relates to", "relates to"});

    private final Random random;
    private final String siteUrl;
    private final GeneratedIds ids;
    private long nextId;

    IssueLinkGenerator(Random random, String siteUrl, GeneratedIds ids) {
        this.nextId = ids.id(FIRST_ID);
        this.random = random;
        this.siteUrl = siteUrl;
        this.ids = ids;
    }

    /** Adds the links to {@code fields.issuelinks} of the issues, which must be in creation order. */
    void link(List<ObjectNode> issues) {
        Map<String, List<ObjectNode>> earlierByProject = new HashMap<>();
        Set<String> linkedPairs = new HashSet<>();
        for (ObjectNode issue : issues) {
            String projectKey = issue.at("/fields/project/key").asText();
            List<ObjectNode> earlier = earlierByProject.computeIfAbsent(projectKey, k -> new ArrayList<>());
            if (!earlier.isEmpty() && random.nextInt(LINK_ODDS) == 0) {
                ObjectNode target = earlier.get(random.nextInt(earlier.size()));
                if (linkedPairs.add(issue.get("id").asText() + ">" + target.get("id").asText())) {
                    link(issue, target, TYPES.get(random.nextInt(TYPES.size())));
                }
            }
            earlier.add(issue);
        }
    }

    private void link(ObjectNode from, ObjectNode to, String[] type) {
        String id = String.valueOf(nextId++);
        from.withObjectProperty("fields").withArrayProperty("issuelinks").add(side(id, type, "outwardIssue", to));
        to.withObjectProperty("fields").withArrayProperty("issuelinks").add(side(id, type, "inwardIssue", from));
    }

    private ObjectNode side(String id, String[] type, String direction, ObjectNode other) {
        ObjectNode link = JSON.objectNode();
        link.put("id", id);
        link.put("self", siteUrl + "/rest/api/3/issueLink/" + id);
        ObjectNode linkType = link.putObject("type");
        String typeId = ids.text(Long.parseLong(type[0]));
        linkType.put("id", typeId);
        linkType.put("name", type[1]);
        linkType.put("inward", type[2]);
        linkType.put("outward", type[3]);
        linkType.put("self", siteUrl + "/rest/api/3/issueLinkType/" + typeId);
        link.set(direction, DatasetGenerator.issueReference(other));
        return link;
    }
}
