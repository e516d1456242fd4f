package io.j2o.extractor.jira;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Credentials;

/**
 * How the extractor proves who it is ({@code jira.auth}): Basic with the user's email (Data Center: username) and API
 * token or password, or, on Data Center, a Personal Access Token sent as {@code Authorization: Bearer <token>}.
 */
public enum JiraAuth {
    BASIC, PAT;

    /** The {@code Authorization} header value; never log it. */
    String header(String email, String secret) {
        return this == PAT ? "Bearer " + secret : Credentials.basic(email, secret);
    }

    /** The name in configuration: {@code basic} or {@code pat}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scheme a configuration name stands for, whatever its case. */
    public static Optional<JiraAuth> named(String name) {
        return Arrays.stream(values()).filter(auth -> auth.configName().equalsIgnoreCase(name.trim())).findFirst();
    }
}
