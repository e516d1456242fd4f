package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.transformer.richtext.AdfToMarkdown;
import io.j2o.transformer.richtext.LinkedMarkdown;
import io.j2o.transformer.richtext.WikiToMarkdown;

/** A Jira rich-text value as Markdown: Cloud's v3 API sends ADF, the v2 API and Data Center send wiki markup. */
final class RichTextField {

    private final AdfToMarkdown adf = new AdfToMarkdown();
    private final WikiToMarkdown wiki = new WikiToMarkdown();

    /** Empty for a missing or null value. */
    String markdown(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isTextual() ? wiki.convert(value.asText()) : adf.convert(value);
    }

    /** The Markdown with its issue keys, mentions and inline images left open; empty for a missing or null value. */
    LinkedMarkdown linked(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return wiki.convertLinked(null);
        }
        return value.isTextual() ? wiki.convertLinked(value.asText()) : adf.convertLinked(value);
    }
}
