package io.j2o.extractor.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a digest of the last payload published under each event key, so an entity Jira has no change time for
 * (a project, a user, a version) is published again only when its content changed. Remember a payload only once Kafka
 * acknowledged it, or a failed send would be taken for published. Kept in memory: a restarted extractor publishes
 * everything once more, which the transformer's checksums drop.
 */
public final class ContentDedupe {

    private final Map<String, String> digestByKey = new ConcurrentHashMap<>();

    /** Whether {@code payload} differs from the last payload remembered for {@code key}. */
    public boolean isChanged(String key, String payload) {
        return !digest(payload).equals(digestByKey.get(key));
    }

    public void remember(String key, String payload) {
        digestByKey.put(key, digest(payload));
    }

    private static String digest(String payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
