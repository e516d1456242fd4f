package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes each project's versions as {@code GET /rest/api/3/project/{key}/versions} returns them: two to four
 * releases a month apart, the older ones released (and the oldest sometimes archived), the newest still open;
 * dates are plain {@code yyyy-MM-dd} and may be missing, as in Jira.
 */
final class VersionGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ID = 10000;
    private static final int MIN_PER_PROJECT = 2;
    private static final int MAX_PER_PROJECT = 4;
    private static final int RELEASE_DAYS = 30;

    private final Random random;
    private final String siteUrl;
    private final LocalDate today;
    private long nextId;

    VersionGenerator(Random random, String siteUrl, Instant now, GeneratedIds ids) {
        this.nextId = ids.id(FIRST_ID);
        this.random = random;
        this.siteUrl = siteUrl;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** The versions of {@code project}, oldest first. */
    List<ObjectNode> versions(ObjectNode project) {
        int count = MIN_PER_PROJECT + random.nextInt(MAX_PER_PROJECT - MIN_PER_PROJECT + 1);
        List<ObjectNode> versions = new ArrayList<>();
        LocalDate start = today.minusDays((long) RELEASE_DAYS * (count - 1) + random.nextInt(RELEASE_DAYS));
        for (int i = 0; i < count; i++) {
            boolean newest = i == count - 1;
            versions.add(version(project, "1." + i, start, newest, i == 0 && count > 2 && random.nextBoolean()));
            start = start.plusDays(RELEASE_DAYS);
        }
        return versions;
    }

    private ObjectNode version(ObjectNode project, String name, LocalDate start, boolean open, boolean archived) {
        String id = String.valueOf(nextId++);
        LocalDate release = start.plusDays(RELEASE_DAYS - 1);
        ObjectNode version = JSON.objectNode();
        version.put("self", siteUrl + "/rest/api/3/version/" + id);
        version.put("id", id);
        if (random.nextInt(3) != 0) {
            version.put("description", "Release " + name + " of " + project.get("name").asText());
        }
        version.put("name", name);
        version.put("archived", archived);
        version.put("released", !open);
        if (random.nextInt(4) != 0) {
            version.put("startDate", start.toString());
        }
        if (!open || random.nextBoolean()) {
            version.put("releaseDate", release.toString());
            if (open) {
                version.put("overdue", release.isBefore(today));
            }
        }
        version.put("projectId", project.get("id").asLong());
        return version;
    }

    /** An issue's {@code fixVersions}: none, or one of its project's versions (most issues are planned). */
    ArrayNode fixVersions(List<ObjectNode> projectVersions) {
        ArrayNode fixVersions = JSON.arrayNode();
        if (!projectVersions.isEmpty() && random.nextInt(3) != 0) {
            fixVersions.add(reference(projectVersions.get(random.nextInt(projectVersions.size()))));
        }
        return fixVersions;
    }

    /** A version as an issue's {@code fixVersions} lists it: no project and no start date. */
    private static ObjectNode reference(ObjectNode version) {
        ObjectNode reference = JSON.objectNode();
        for (String field : List.of("self", "id", "description", "name", "archived", "released", "releaseDate")) {
            if (version.has(field)) {
                reference.set(field, version.get(field).deepCopy());
            }
        }
        return reference;
    }
}
