package io.j2o.loader.jira;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * Where the loader reads attachment bytes from Jira, and how it authenticates there: the configured Jira base URL and
 * the value of the {@code Authorization} header Jira expects (Basic {@code email:apiToken} on Cloud, Basic or Bearer
 * with a personal access token on Data Center). Never printed: {@link #toString()} masks the header.
 *
 * @param baseUrl       the Jira site as the loader reaches it, e.g. {@code https://example.atlassian.net}; an attachment's
 *                      {@code content} URL is read from this scheme, host and port whatever host Jira wrote in it, so
 *                      the credentials never travel to another host
 * @param authorization the complete header value, e.g. {@code Basic ZW1h…} or {@code Bearer NjE…}
 */
public record JiraCredentials(String baseUrl, String authorization) {

    public JiraCredentials {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null || HttpUrl.parse(baseUrl) == null) {
            problems.add("jira.url: must be an http(s) URL, was " + baseUrl);
        }
        if (authorization == null || authorization.isBlank()) {
            problems.add("jira credentials: the Authorization header value must be set");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Basic auth with a Cloud account's email and API token, or a Data Center user name and password. */
    public static JiraCredentials basic(String baseUrl, String user, String secret) {
        return new JiraCredentials(baseUrl, Credentials.basic(user, secret));
    }

    /** A Data Center personal access token. */
    public static JiraCredentials bearer(String baseUrl, String token) {
        return new JiraCredentials(baseUrl, "Bearer " + token);
    }

    @Override
    public String toString() {
        return "JiraCredentials[baseUrl=" + baseUrl + ", authorization=****]";
    }
}
