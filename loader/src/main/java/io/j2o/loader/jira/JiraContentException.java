package io.j2o.loader.jira;

/**
 * Jira did not hand over an attachment's bytes. Classified once, from the HTTP status: {@link Unavailable} is worth
 * another try, {@link Missing} parks the command, {@link Refused} (credentials or permissions) stops the loader until
 * an operator acts. Messages name the URL path and status, never a credential.
 */
public abstract class JiraContentException extends RuntimeException {

    private final int status;

    JiraContentException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public boolean isTransient() {
        return false;
    }

    static JiraContentException classify(String path, int status) {
        String message = "GET " + path + " on Jira -> " + status;
        if (status == 404 || status == 410) {
            return new Missing(status, message + ": the attachment is no longer in Jira");
        }
        if (status == 401 || status == 403) {
            return new Refused(status, message + ": check the Jira credentials the loader uses for attachments");
        }
        if (status == 429 || status >= 500) {
            return new Unavailable(status, message, null);
        }
        return new Refused(status, message);
    }

    /** 404/410: the attachment was deleted in Jira after the extractor saw it. */
    public static final class Missing extends JiraContentException {
        Missing(int status, String message) {
            super(status, message, null);
        }
    }

    /** 401/403 or another refusal that retrying cannot cure. */
    public static final class Refused extends JiraContentException {
        Refused(int status, String message) {
            super(status, message, null);
        }
    }

    /** 429, 5xx or a broken connection. */
    public static final class Unavailable extends JiraContentException {
        Unavailable(int status, String message, Throwable cause) {
            super(status, message, cause);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }
}
