package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of Cloud's {@code /rest/api/3/search/jql}: the issues and the token of the next page (null on the last). */
public record JiraSearchPage(List<JsonNode> issues, String nextPageToken) {

    public JiraSearchPage {
        issues = List.copyOf(issues);
    }

    public boolean isLast() {
        return nextPageToken == null;
    }
}
