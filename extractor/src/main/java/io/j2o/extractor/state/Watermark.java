package io.j2o.extractor.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far the extractor has read one project: the newest {@code updated} it published, and the issues it published
 * inside the look-back window before it, so a re-read of that window publishes nothing twice.
 *
 * @param updatedAt null before the first run
 * @param boundary  issue id → the {@code updated} instant already published, for issues near the watermark
 */
public record Watermark(Instant updatedAt, Map<String, Instant> boundary) {

    public Watermark {
        boundary = Map.copyOf(boundary);
    }

    public static Watermark none() {
        return new Watermark(null, Map.of());
    }

    /** Where the next query starts: the watermark minus the look-back, or null to read everything. */
    public Instant queryFrom(Duration lookback) {
        return updatedAt == null ? null : updatedAt.minus(lookback);
    }

    public boolean alreadyPublished(String issueId, Instant updated) {
        return updated.equals(boundary.get(issueId));
    }

    /** The watermark after publishing {@code published}; only issues inside the new look-back window are kept. */
    public Watermark advance(Map<String, Instant> published, Duration lookback) {
        Map<String, Instant> all = new HashMap<>(boundary);
        all.putAll(published);
        Instant newest = all.values().stream().max(Instant::compareTo).orElse(updatedAt);
        if (newest == null) {
            return this;
        }
        Instant windowStart = newest.minus(lookback).minus(Duration.ofMinutes(1));
        Map<String, Instant> kept = new HashMap<>();
        all.forEach((id, at) -> {
            if (!at.isBefore(windowStart)) {
                kept.put(id, at);
            }
        });
        return new Watermark(newest, kept);
    }
}
