package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The Data Center simulator's wiki markup for the ADF the dataset generates. */
class AdfWikiTextTest {

    @Test
    void writesBlocksMarksListsAndCodeAsJiraWikiMarkup() throws Exception {
        JsonNode doc = JiraHttp.MAPPER.readTree("""
                {"type":"doc","version":1,"content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Context"}]},
                  {"type":"paragraph","content":[
                    {"type":"text","text":"Pay "},{"type":"text","text":"now","marks":[{"type":"strong"}]},
                    {"type":"text","text":" uses "},{"type":"text","text":"config.yaml","marks":[{"type":"code"}]},
                    {"type":"text","text":" see "},
                    {"type":"text","text":"runbook","marks":[{"type":"link","attrs":{"href":"https://example.com/r"}}]},
                    {"type":"text","text":" [x] *y*"}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]},
                      {"type":"orderedList","content":[{"type":"listItem","content":[
                        {"type":"paragraph","content":[{"type":"text","text":"nested"}]}]}]}]}]},
                  {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"a *b*;"}]}]}
                """);

        assertThat(AdfWikiText.isDocument(doc)).isTrue();
        assertThat(AdfWikiText.convert(doc)).isEqualTo("""
                h2. Context

                Pay *now* uses {{config.yaml}} see [runbook|https://example.com/r] \\[x\\] \\*y\\*

                * one
                *# nested

                {code:java}
                a *b*;
                {code}""");
    }
}
