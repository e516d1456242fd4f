package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The groups Jira listed, and whether the listing is known to hold every group of the site: only a complete one may
 * tell that a group is gone.
 */
public record GroupListing(List<ObjectNode> groups, boolean complete) {

    public GroupListing {
        groups = List.copyOf(groups);
    }
}
