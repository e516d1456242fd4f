package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the pipeline's record keys, which carry Jira ids ({@code issue:10042}, {@code work_package:10042},
 * {@code project:10000}), into the Jira keys people know ({@code ALPHA-7}, {@code ALPHA}).
 */
public final class JiraKeys {

    private final Map<String, String> keyByRecordKey = new HashMap<>();

    public JiraKeys(List<? extends JsonNode> projects, List<? extends JsonNode> issues) {
        projects.forEach(p -> keyByRecordKey.put("project:" + p.path("id").asText(), p.path("key").asText()));
        issues.forEach(i -> {
            keyByRecordKey.put("issue:" + i.path("id").asText(), i.path("key").asText());
            keyByRecordKey.put("work_package:" + i.path("id").asText(), i.path("key").asText());
        });
    }

    /** The Jira key behind {@code recordKey}, or the record key itself when Jira does not know it (any more). */
    public String of(String recordKey) {
        return keyByRecordKey.getOrDefault(recordKey, recordKey);
    }
}
