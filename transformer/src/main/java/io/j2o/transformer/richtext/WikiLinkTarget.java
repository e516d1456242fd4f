package io.j2o.transformer.richtext;

/** What the target of a wiki link {@code [alias|target]} points at. */
enum WikiLinkTarget {
    /** A web, mail or other scheme address, or {@code www.…}. */
    URL,
    /** {@code ~username} or {@code ~accountid:…}: written {@code @name}. */
    MENTION,
    /** {@code ^file.pdf}: a link to the attached file, the attachment placeholder until it is migrated. */
    ATTACHMENT,
    /** {@code #anchor}: anchors are dropped, so only the text stays. */
    ANCHOR,
    /** {@code ABC-123}: issue keys stay text, later stages may link them. */
    ISSUE,
    /** Anything else, e.g. a Confluence page name or "[INFO]" in a log line: kept as written. */
    UNKNOWN;

    static WikiLinkTarget of(String target) {
        if (target.length() > 1 && target.startsWith("~")) {
            return MENTION;
        }
        if (target.length() > 1 && target.startsWith("^")) {
            return ATTACHMENT;
        }
        if (target.length() > 1 && target.startsWith("#")) {
            return ANCHOR;
        }
        if (isUrl(target)) {
            return URL;
        }
        return isIssueKey(target) ? ISSUE : UNKNOWN;
    }

    static String href(String url) {
        return url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
    }

    /** The text that stands for the target after the alias, if any. */
    String display(String target, boolean aliased) {
        return switch (this) {
            case MENTION -> mention(target.substring(1));
            case ATTACHMENT -> attachment(target.substring(1).strip());
            case ANCHOR -> aliased ? "" : target.substring(1);
            default -> target;
        };
    }

    /** {@code [^spec.pdf]} links to the issue's attached file of that name: a soft reference. */
    private static String attachment(String fileName) {
        String clean = SoftReferenceMarkers.clean(fileName).strip();
        return clean.isEmpty() ? "[attachment: " + fileName + "]"
                : SoftReferenceMarkers.marker(SoftReference.Kind.ATTACHMENT_LINK, clean, clean);
    }

    /**
     * {@code [~accountid:ID]} (Cloud) names a user by id, {@code [~name]} (Data Center) by username, which is not
     * always its key: both soft references.
     */
    private static String mention(String target) {
        boolean accountId = target.regionMatches(true, 0, "accountid:", 0, "accountid:".length());
        String raw = accountId ? target.substring("accountid:".length()) : target;
        String clean = SoftReferenceMarkers.clean(raw).strip();
        return clean.isEmpty() ? "@" + raw : SoftReferenceMarkers.marker(
                accountId ? SoftReference.Kind.USER : SoftReference.Kind.USER_NAME, clean, clean);
    }

    private static boolean isUrl(String target) {
        if (target.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (target.regionMatches(true, 0, "www.", 0, 4) || target.regionMatches(true, 0, "mailto:", 0, 7)) {
            return target.length() > 7;
        }
        int colon = target.indexOf("://");
        if (colon <= 0 || colon + 3 == target.length() || !Character.isLetter(target.charAt(0))) {
            return false;
        }
        return target.substring(0, colon).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
    }

    /** Jira keys: a project key (an upper-case letter, then upper-case letters, digits or
     * underscores), a hyphen, a number. */
    private static boolean isIssueKey(String target) {
        int hyphen = target.lastIndexOf('-');
        if (hyphen < 1 || hyphen == target.length() - 1 || target.charAt(0) < 'A' || target.charAt(0) > 'Z') {
            return false;
        }
        return target.substring(0, hyphen).chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
                && target.substring(hyphen + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
