package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.transformer.resolve.References;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenProject href of each migrated entity by the command key the rules' placeholders name it with
 * ({@code project:10000}, {@code work_package:20001}, {@code user:acc-1}, {@code version:10100}): what a placeholder
 * in an expected body must have become.
 */
final class HrefIndex {

    private final Map<String, String> hrefByReference = new HashMap<>();

    void put(String commandKey, String href) {
        hrefByReference.put(commandKey, href);
    }

    /**
     * The OpenProject id of the entity a reference key ({@code issue_key:ALPHA-7}, {@code user:acc-1},
     * {@code attachment:10001}) names, when it was found: what a soft reference in an expected text renders with.
     */
    Optional<Long> openProjectIdOf(String referenceKey) {
        return Optional.ofNullable(hrefByReference.get(referenceKey))
                .map(href -> Long.parseLong(href.substring(href.lastIndexOf('/') + 1)));
    }

    boolean contains(String href) {
        return hrefByReference.containsValue(href);
    }

    static String hrefOf(JsonNode entity) {
        return entity.path("_links").path("self").path("href").asText(null);
    }

    /**
     * The href {@code wanted} (a link object) stands for: its placeholder resolved, or its literal href; null for a
     * link that wants none; empty when it names an entity that is not in OpenProject.
     */
    Optional<String> resolve(JsonNode wanted) {
        Optional<String> reference = References.firstUnresolved(wanted);
        if (reference.isPresent()) {
            return Optional.ofNullable(hrefByReference.get(reference.get()));
        }
        return Optional.of(wanted.path("href").asText(""));
    }

    /** A null href wants no link; a placeholder wants the href of the entity it names, which must have been migrated. */
    boolean linkMatches(JsonNode wanted, JsonNode actual) {
        String actualHref = actual.path("href").asText(null);
        if (wanted.path("href").isNull()) {
            return actualHref == null;
        }
        return resolve(wanted).map(href -> href.equals(actualHref)).orElse(false);
    }
}
