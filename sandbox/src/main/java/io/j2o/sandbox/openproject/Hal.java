package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Small builders for the HAL+JSON pieces every OpenProject representer shares. */
final class Hal {

    static final String API = "/api/v3";
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Hal() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode link(ObjectNode links, String name, String href) {
        ObjectNode link = links.putObject(name);
        link.put("href", href);
        return link;
    }

    static ObjectNode link(ObjectNode links, String name, String href, String title) {
        ObjectNode link = link(links, name, href);
        if (href != null && title != null) {
            link.put("title", title);
        }
        return link;
    }

    static String timestamp(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /**
     * {@code Formattable}: only {@code raw} is stored; {@code html} is a plain escaped paragraph, without the HTML
     * comments that OpenProject's Markdown renderer drops.
     */
    static ObjectNode formattable(String format, String raw) {
        String text = raw == null ? "" : raw;
        String shown = format.equals("markdown") && text.contains("<!--")
                ? HTML_COMMENT.matcher(text).replaceAll("").strip() : text;
        ObjectNode node = object();
        node.put("format", format);
        node.put("raw", text);
        node.put("html", shown.isEmpty() ? "" : "<p>" + escape(shown).replace("\n", "<br>") + "</p>");
        return node;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Hour-based durations render as {@code PTnH[nM][nS]}, as OpenProject does for work and spent time. */
    static String hours(Duration duration) {
        long seconds = duration.toSeconds();
        long minutes = (seconds / 60) % 60;
        long rest = seconds % 60;
        return "PT" + seconds / 3600 + "H" + (minutes == 0 ? "" : minutes + "M") + (rest == 0 ? "" : rest + "S");
    }
}
