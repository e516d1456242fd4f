package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the loader last wrote to each field of a work package, as short hashes of the values OpenProject rendered
 * after the write, so a later Jira change can tell which fields someone edited in OpenProject since. Hashing the
 * rendered value (not the command's) compares like with like: a description written as {@code {"raw"}} and read
 * back with {@code html}, a duration written in hours and rendered in minutes.
 *
 * <p>A field is named as in the command body: {@code subject}, {@code customField3}, or {@code _links.assignee}.
 */
final class WrittenFields {

    private static final String LINKS = "_links";
    private static final String LINK_PREFIX = LINKS + ".";
    /** 48 bits: enough to tell an edit from our value, short enough to keep a mapping small. */
    private static final int HASH_BYTES = 6;

    private WrittenFields() {
    }

    /** The names of the fields {@code body} writes; {@code lockVersion} is a precondition, not a field. */
    static List<String> namesIn(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals(LINKS)) {
                body.get(LINKS).fieldNames().forEachRemaining(link -> names.add(LINK_PREFIX + link));
            } else if (!name.equals("lockVersion")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Hash of each field {@code body} writes, taken from {@code rendered}, the work package after the write. */
    static Map<String, String> checksums(JsonNode body, JsonNode rendered) {
        Map<String, String> checksums = new TreeMap<>();
        namesIn(body).forEach(name -> checksums.put(name, hash(name, rendered)));
        return checksums;
    }

    /** The fields of {@code body} whose value in {@code current} is no longer the one we wrote. */
    static List<String> editedSince(Map<String, String> written, JsonNode body, JsonNode current) {
        return namesIn(body).stream()
                .filter(name -> written.containsKey(name) && !written.get(name).equals(hash(name, current)))
                .toList();
    }

    /** A copy of {@code body} without {@code names}. */
    static ObjectNode without(ObjectNode body, List<String> names) {
        ObjectNode copy = body.deepCopy();
        for (String name : names) {
            if (name.startsWith(LINK_PREFIX)) {
                JsonNode links = copy.path(LINKS);
                if (links instanceof ObjectNode object) {
                    object.remove(name.substring(LINK_PREFIX.length()));
                }
            } else {
                copy.remove(name);
            }
        }
        return copy;
    }

    static String hash(String name, JsonNode workPackage) {
        String value = name.startsWith(LINK_PREFIX)
                ? hrefs(workPackage.path(LINKS).path(name.substring(LINK_PREFIX.length())))
                : text(workPackage.path(name));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A link's target(s): titles change when the target is renamed, which is no edit of the work package. */
    private static String hrefs(JsonNode link) {
        List<String> hrefs = new ArrayList<>();
        if (link.isArray()) {
            link.forEach(element -> hrefs.add(element.path("href").asText("")));
            hrefs.sort(null);
        } else {
            hrefs.add(link.path("href").asText(""));
        }
        return String.join("\n", hrefs);
    }

    /** A formattable's raw text (its html follows from it); any other value as JSON; absent and null alike. */
    private static String text(JsonNode value) {
        if (value.isObject() && value.has("raw")) {
            return value.path("raw").asText("");
        }
        return value.isMissingNode() || value.isNull() ? "" : value.toString();
    }
}
