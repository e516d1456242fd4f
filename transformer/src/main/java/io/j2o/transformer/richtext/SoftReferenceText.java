package io.j2o.transformer.richtext;

/**
 * How a soft reference reads in OpenProject Markdown: resolved (a work package link, a mention, the migrated image)
 * or, while its target is not migrated, as readable fallback text.
 */
public final class SoftReferenceText {

    private SoftReferenceText() {
    }

    /**
     * @param site the Jira site's base URL ({@code https://acme.atlassian.net}); an issue key then links to Jira,
     *             null keeps it plain
     */
    public static String fallback(SoftReference reference, String site) {
        return switch (reference.kind()) {
            case ISSUE -> site == null ? reference.target()
                    : "[" + reference.target() + "](" + site + "/browse/" + reference.target() + ")";
            case USER, USER_NAME -> "@" + escape(reference.label());
            case ATTACHMENT, ATTACHMENT_LINK -> "\\[attachment: " + escape(reference.label()) + "\\]";
        };
    }

    /** The Markdown for the reference once its target's OpenProject id is known. */
    public static String resolved(SoftReference reference, long openProjectId) {
        return switch (reference.kind()) {
            case ISSUE -> "#" + openProjectId;
            case USER, USER_NAME -> {
                String name = "@" + html(reference.label());
                yield "<mention class=\"mention\" data-id=\"" + openProjectId + "\" data-type=\"user\" data-text=\""
                        + name + "\">" + name + "</mention>";
            }
            case ATTACHMENT -> "!" + attachmentLink(reference, openProjectId);
            case ATTACHMENT_LINK -> attachmentLink(reference, openProjectId);
        };
    }

    private static String attachmentLink(SoftReference reference, long openProjectId) {
        return "[" + escape(reference.label()) + "](/api/v3/attachments/" + openProjectId + "/content)";
    }

    /** Labels are Jira text; inserted into Markdown they must not start emphasis, links or HTML. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
