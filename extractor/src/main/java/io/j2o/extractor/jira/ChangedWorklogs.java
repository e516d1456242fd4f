package io.j2o.extractor.jira;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The worklogs Jira lists as changed (or deleted) after a time: each worklog id with the time of its change. */
public record ChangedWorklogs(Map<String, Instant> changedAt) {

    public ChangedWorklogs {
        changedAt = Collections.unmodifiableMap(new LinkedHashMap<>(changedAt));
    }
}
