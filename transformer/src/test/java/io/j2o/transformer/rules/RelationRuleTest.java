package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelationRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyOutwardLinksBecomeRelationsFromThisIssueAndTheirRemovalCarriesTheSameBody() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"issuelinks":[
                  {"id":"50001","type":{"id":"1","name":"Blocks","inward":"is blocked by","outward":"blocks"},
                   "outwardIssue":{"id":"10042","key":"CL-42"}},
                  {"id":"50002","type":{"id":"1","name":"Blocks","inward":"is blocked by","outward":"blocks"},
                   "inwardIssue":{"id":"10040","key":"CL-40"}}]}
                """);

        IssueChildren relations = new RelationRule(MappingConfig.defaults()).relations("10041", "CL-41", fields).orElseThrow();

        assertThat(relations.kind()).isEqualTo(CommandKind.RELATION);
        assertThat(relations.complete()).isTrue();
        assertThat(relations.children()).hasSize(1);
        IssueChildren.Child relation = relations.children().get(0);
        JsonNode expected = JSON.readTree("""
                {"type":"blocks","description":null,
                 "_links":{"from":{"href":"j2o:ref:work_package:10041"},"to":{"href":"j2o:ref:work_package:10042"}}}
                """);
        assertThat(relation.upsert().jiraId()).isEqualTo("50001");
        assertThat(relation.upsert().body()).isEqualTo(expected);
        assertThat(relation.removal().action()).isEqualTo(CommandAction.DELETE);
        assertThat(relation.removal().body()).isEqualTo(expected);
    }

    @Test
    void linkTypesMapThroughTheConfiguredTableThenJirasDefaults() {
        MappingConfig config = new MappingConfig(Map.of(), MappingConfig.UnmatchedUsers.INVITE, null,
                Map.of("Problem/Incident", "requires", "cloners", "duplicates"), "Member");

        assertThat(config.relationTypeFor("problem/incident")).isEqualTo("requires");
        assertThat(config.relationTypeFor("Cloners")).as("configured beats default").isEqualTo("duplicates");
        assertThat(config.relationTypeFor("Duplicate")).isEqualTo("duplicates");
        assertThat(config.relationTypeFor("Relates")).isEqualTo("relates");
        assertThat(config.relationTypeFor("Gantt: finish-to-start (precedes)")).isEqualTo("precedes");
        assertThat(config.relationTypeFor("Follows")).isEqualTo("precedes");
        assertThat(config.relationTypeFor("Something custom")).isEqualTo("relates");
    }

    @Test
    void issueFetchedWithoutLinksSaysNothingAboutThem() throws Exception {
        assertThat(new RelationRule(MappingConfig.defaults()).relations("1", "CL-1", JSON.readTree("{}"))).isEmpty();
    }
}
