package io.j2o.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Schema Registry is and how to talk to it: base URL, optional credentials, timeout and retries.
 *
 * @param baseUrl     e.g. {@code http://localhost:8081}; must not carry user info (use {@code credentials})
 * @param credentials basic-auth credentials, empty for an open registry
 * @param timeout     bound on connecting, reading and writing each single HTTP call
 * @param maxAttempts how many times one operation is tried when the failure is transient (I/O, 5xx)
 * @param backoff     the pause before the second attempt; doubled before each further attempt
 */
public record SchemaRegistryConfig(
        String baseUrl, Optional<RegistryCredentials> credentials, Duration timeout, int maxAttempts, Duration backoff) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

    public SchemaRegistryConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schemaRegistry.url: not a URL");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo this URL: it holds a password.
            throw new IllegalArgumentException("schemaRegistry.url: must not contain user info; configure credentials");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("schemaRegistry.url: must be http or https, was " + baseUrl);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("schemaRegistry.timeout: must be positive, was " + timeout);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("schemaRegistry.maxAttempts: must be 1..20, was " + maxAttempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("schemaRegistry.backoff: must not be negative, was " + backoff);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An open registry at {@code baseUrl} with default timeout and retries. */
    public static SchemaRegistryConfig of(String baseUrl) {
        return new SchemaRegistryConfig(baseUrl, Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF);
    }

    public SchemaRegistryConfig withCredentials(RegistryCredentials newCredentials) {
        return new SchemaRegistryConfig(baseUrl, Optional.of(newCredentials), timeout, maxAttempts, backoff);
    }

    public SchemaRegistryConfig withRetries(int newMaxAttempts, Duration newBackoff) {
        return new SchemaRegistryConfig(baseUrl, credentials, timeout, newMaxAttempts, newBackoff);
    }

    public SchemaRegistryConfig withTimeout(Duration newTimeout) {
        return new SchemaRegistryConfig(baseUrl, credentials, newTimeout, maxAttempts, backoff);
    }
}
