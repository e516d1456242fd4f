package io.j2o.extractor;

import io.j2o.extractor.ExtractorRequestsContract.SpecDefect;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraFlavour;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request the extractor sends to Jira Data Center — every entity kind, the completion of truncated lists, the worklog
 * feeds, watchers and a deletion reconciliation — conforms to Atlassian's Jira Software Data Center 10.3 OpenAPI document.
 *
 * <p>The document's only security scheme is HTTP Basic ({@code "securitySchemes": {"basic": {"type": "http",
 * "scheme": "basic"}}}), so the passes sign in with Basic; a Personal Access Token, sent as {@code Bearer}, has no
 * scheme here to be checked against ({@code PersonalAccessTokenTest} covers its header against the simulator).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class DataCenterRequestsContractIT {

    /** Every endpoint family a Data Center pass, an incremental pass and a reconciliation read; none may go unused. */
    private static final Set<String> ENDPOINTS = Set.of(
            "GET /rest/api/2/myself",
            "GET /rest/api/2/user/search",
            "GET /rest/api/2/groups/picker",
            "GET /rest/api/2/group/member",
            "GET /rest/api/2/project",
            "GET /rest/api/2/project/{id}/versions",
            "GET /rest/api/2/project/{id}/components",
            "GET /rest/api/2/project/{id}/role",
            "GET /rest/api/2/project/{id}/role/{id}",
            "GET /rest/api/2/status",
            "GET /rest/api/2/statuscategory",
            "GET /rest/api/2/issuetype",
            "GET /rest/api/2/priority",
            "GET /rest/api/2/resolution",
            "GET /rest/api/2/field",
            "GET /rest/api/2/issueLinkType",
            "POST /rest/api/2/search",
            "GET /rest/api/2/issue/{id}",
            "GET /rest/api/2/issue/{id}/comment",
            "GET /rest/api/2/issue/{id}/worklog",
            "GET /rest/api/2/issue/{id}/watchers",
            "GET /rest/api/2/worklog/updated",
            "GET /rest/api/2/worklog/deleted",
            "POST /rest/api/2/worklog/list");

    /**
     * The document declares getUsersFromGroup's group as {@code {"name": "groupname", "in": "path", "required": true}}
     * on {@code /api/2/group/member}, a path with no {@code {groupname}} to fill; Jira reads it from the query, as the
     * same document declares it ({@code "in": "query"}) on {@code DELETE /group} and on {@code /group/user}.
     */
    private static final SpecDefect GROUP_MEMBER_GROUPNAME_IN_PATH = new SpecDefect("groupname of GET /group/member declared in the path",
            "the path has no {groupname} template, so Jira can only read it from the query",
            (message, request) -> request.path().equals("/rest/api/2/group/member")
                    && message.getKey().equals("validation.request.parameter.query.unexpected")
                    && message.getMessage().startsWith("Query parameter 'groupname' "));

    @Test
    void everyRequestOfFullIncrementalAndReconcilingPassesConformsToTheDataCenterSpec(EmbeddedKafka kafka) throws Exception {
        ExtractorRequestsContract contract = ExtractorRequestsContract.dataCenter(List.of(GROUP_MEMBER_GROUPNAME_IN_PATH));
        contract.assertExtractorConforms(kafka, JiraFlavour.DATA_CENTER, ENDPOINTS);
    }
}
