package io.j2o.loader.jira;

import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Opens the bytes of a Jira attachment as a stream, for the loader to copy straight into OpenProject's upload. The
 * {@code content} URL Jira wrote carries the site's public name; the request goes to the configured base URL with
 * the same path, so the Jira credentials only ever reach the configured host (a redirect to another host, like
 * Cloud's media service, drops them, as OkHttp does for every cross-host redirect).
 */
public final class JiraAttachmentSource {

    private final JiraCredentials credentials;
    private final HttpUrl base;
    private final OkHttpClient http;

    public JiraAttachmentSource(JiraCredentials credentials) {
        this(credentials, defaultHttp());
    }

    public JiraAttachmentSource(JiraCredentials credentials, OkHttpClient http) {
        this.credentials = credentials;
        this.base = HttpUrl.get(credentials.baseUrl());
        this.http = http;
    }

    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * Starts the download; the caller reads {@link Content#source()} and closes it. Each call is a new request, so a
     * retried upload reads the file from its first byte again.
     *
     * @throws JiraContentException when Jira answers anything but 200, or the connection fails
     */
    public Content open(String contentUrl) {
        HttpUrl url = localise(contentUrl);
        Request request = new Request.Builder().url(url).header("Authorization", credentials.authorization()).get().build();
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            throw new JiraContentException.Unavailable(0, "GET " + url.encodedPath() + " on Jira failed: " + e.getMessage(), e);
        }
        if (!response.isSuccessful()) {
            response.close();
            throw JiraContentException.classify(url.encodedPath(), response.code());
        }
        return new Content(response);
    }

    /** The content URL's path and query on the configured Jira. */
    HttpUrl localise(String contentUrl) {
        HttpUrl url = HttpUrl.parse(contentUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + contentUrl);
        }
        return url.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
    }

    /** An open download: its bytes as they arrive and the length Jira announced (-1 when it announced none). */
    public static final class Content implements AutoCloseable {

        private final Response response;

        Content(Response response) {
            this.response = response;
        }

        public BufferedSource source() {
            return response.body().source();
        }

        public long contentLength() {
            return response.body().contentLength();
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
