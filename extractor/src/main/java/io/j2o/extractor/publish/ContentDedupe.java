package io.j2o.extractor.publish;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a digest of the last payload published under each event key, so an entity Jira has no change time for
 * (a project, a user, a version, a group) is published again only when its content changed. Remember a payload only
 * once Kafka acknowledged it, or a failed send would be taken for published. A restarted extractor rebuilds it from
 * the compacted topics (see {@link MetadataPublisher#restore}); only the digest is kept, never the payload.
 */
public final class ContentDedupe {

    private final Map<String, Digest> digestByKey = new ConcurrentHashMap<>();

    /** Whether {@code payload} differs from the last payload remembered for {@code key}. */
    public boolean isChanged(String key, String payload) {
        return !digest(payload).equals(digestByKey.get(key));
    }

    public void remember(String key, String payload) {
        digestByKey.put(key, digest(payload));
    }

    /** Forgets {@code key}, e.g. once its entity's deletion is published. */
    public void forget(String key) {
        digestByKey.remove(key);
    }

    /** The remembered keys that start with {@code prefix}, e.g. {@code group:}. */
    public List<String> keysStartingWith(String prefix) {
        return digestByKey.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
    }

    public int size() {
        return digestByKey.size();
    }

    /** SHA-256 as four longs: 32 bytes a key instead of a 64-character hex string, for sites with 100k users. */
    private record Digest(long a, long b, long c, long d) {
    }

    private static Digest digest(String payload) {
        try {
            ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8)));
            return new Digest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
