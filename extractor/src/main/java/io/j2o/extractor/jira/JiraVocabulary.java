package io.j2o.extractor.jira;

import io.j2o.schemas.avro.JiraEntityType;

/**
 * The site-wide lists Jira describes its issues with, each read in full from one resource of either flavour;
 * components, which are per project, are read by {@link JiraApi#components}.
 */
public enum JiraVocabulary {
    STATUS(JiraEntityType.STATUS, "/status"),
    STATUS_CATEGORY(JiraEntityType.STATUS_CATEGORY, "/statuscategory"),
    ISSUE_TYPE(JiraEntityType.ISSUE_TYPE, "/issuetype"),
    PRIORITY(JiraEntityType.PRIORITY, "/priority"),
    RESOLUTION(JiraEntityType.RESOLUTION, "/resolution"),
    FIELD(JiraEntityType.FIELD, "/field"),
    ISSUE_LINK_TYPE(JiraEntityType.ISSUE_LINK_TYPE, "/issueLinkType");

    private final JiraEntityType entityType;
    private final String resource;

    JiraVocabulary(JiraEntityType entityType, String resource) {
        this.entityType = entityType;
        this.resource = resource;
    }

    public JiraEntityType entityType() {
        return entityType;
    }

    /** The plain resource under the REST root that lists every entry (Cloud pages priorities and resolutions instead). */
    public String resource() {
        return resource;
    }
}
