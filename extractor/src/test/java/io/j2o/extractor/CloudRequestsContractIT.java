package io.j2o.extractor;

import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraFlavour;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request the extractor sends to Jira Cloud — every entity kind, the completion of truncated lists, the worklog
 * feeds, watchers and a deletion reconciliation — conforms to Atlassian's Cloud platform OpenAPI document.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class CloudRequestsContractIT {

    /**
     * Every endpoint family a Cloud pass, an incremental pass and a reconciliation read; none may go unused. The Cloud
     * document needs no defect set aside for them.
     */
    private static final Set<String> ENDPOINTS = Set.of(
            "GET /rest/api/3/myself",
            "GET /rest/api/3/users/search",
            "GET /rest/api/3/group/bulk",
            "GET /rest/api/3/group/member",
            "GET /rest/api/3/project/search",
            "GET /rest/api/3/project/{id}/versions",
            "GET /rest/api/3/project/{id}/components",
            "GET /rest/api/3/project/{id}/role",
            "GET /rest/api/3/project/{id}/role/{id}",
            "GET /rest/api/3/status",
            "GET /rest/api/3/statuscategory",
            "GET /rest/api/3/issuetype",
            "GET /rest/api/3/priority/search",
            "GET /rest/api/3/resolution/search",
            "GET /rest/api/3/field",
            "GET /rest/api/3/issueLinkType",
            "POST /rest/api/3/search/jql",
            "POST /rest/api/3/issue/bulkfetch",
            "POST /rest/api/3/changelog/bulkfetch",
            "GET /rest/api/3/issue/{id}",
            "GET /rest/api/3/issue/{id}/comment",
            "GET /rest/api/3/issue/{id}/worklog",
            "GET /rest/api/3/issue/{id}/changelog",
            "GET /rest/api/3/issue/{id}/watchers",
            "GET /rest/api/3/worklog/updated",
            "GET /rest/api/3/worklog/deleted",
            "POST /rest/api/3/worklog/list");

    @Test
    void everyRequestOfFullIncrementalAndReconcilingPassesConformsToTheCloudSpec(EmbeddedKafka kafka) throws Exception {
        ExtractorRequestsContract contract = ExtractorRequestsContract.cloud(List.of());
        contract.assertExtractorConforms(kafka, JiraFlavour.CLOUD, ENDPOINTS);
    }
}
