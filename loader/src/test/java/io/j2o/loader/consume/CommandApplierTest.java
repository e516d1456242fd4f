package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.upsert.EditedInOpenProjectException;
import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.loader.upsert.Upserter;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Lineage;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CommandApplierTest {

    private final List<String> applied = new ArrayList<>();
    private final List<ObjectNode> bodies = new ArrayList<>();
    private final Upserter recording = new Upserter() {
        @Override
        public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
            applied.add(body.path("subject").asText());
            bodies.add(body);
            return new UpsertOutcome(JournalAction.UPDATED, 12, "/api/v3/work_packages/12", 1, null, body,
                    Map.of("subject", "5ab1c0ffee00"), List.of("description"));
        }

        @Override
        public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
            bodies.add(body);
            return Optional.empty();
        }
    };
    private final CommandApplier applier = new CommandApplier(Map.of(CommandKind.WORK_PACKAGE, recording), new MappingCache(),
            LoaderListener.NONE, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void commandFromAnOlderJiraEventThanTheAppliedOneDoesNotRollTheWorkPackageBack() {
        applier.apply(record(command("moved to the new parent", 40)));
        CommandResult late = applier.apply(record(command("released late from the pending store", 25)));

        assertThat(applied).containsExactly("moved to the new parent");
        assertThat(late.publishMapping()).isFalse();
        assertThat(late.deadLetter()).isNull();
    }

    @Test
    void commandFromANewerEventIsApplied() {
        applier.apply(record(command("v1", 25)));
        applier.apply(record(command("v2", 40)));

        assertThat(applied).containsExactly("v1", "v2");
    }

    @Test
    void transformerMetadataNeverReachesAnUpserter() {
        String awaiting = ",\"_j2o\":{\"awaits\":[\"j2o:ref:user:7\"]}}";
        OpenProjectCommand upsert = command("with metadata", 30);
        upsert.setBody(upsert.getBody().replaceFirst("}$", awaiting));
        OpenProjectCommand delete = command("deleted", 31);
        delete.setAction(CommandAction.DELETE);
        delete.setBody(delete.getBody().replaceFirst("}$", awaiting));

        applier.apply(record(upsert));
        applier.apply(record(delete));

        assertThat(bodies).hasSize(2).allSatisfy(body -> {
            assertThat(body.has("_j2o")).isFalse();
            assertThat(body.path("customField1").asText()).isEqualTo("ALPHA-1");
        });
    }

    @Test
    void onlyTheOriginalAuthorshipOfAWorkPackageIsPassedOnForItsUpserterToUse() {
        OpenProjectCommand upsert = command("with original", 30);
        upsert.setBody(upsert.getBody().replaceFirst("}$", ",\"_j2o\":{\"awaits\":[\"x\"],"
                + "\"original\":{\"createdAt\":\"2019-05-01T10:00:00.000Z\"}}}"));

        applier.apply(record(upsert));

        assertThat(bodies.get(0).path("_j2o").toString())
                .isEqualTo("{\"original\":{\"createdAt\":\"2019-05-01T10:00:00.000Z\"}}");
    }

    @Test
    void theMappingRemembersWhatWasWrittenPerFieldAndTheJournalNamesTheFieldsKeptFromOpenProject() {
        CommandResult result = applier.apply(record(command("partly applied", 30)));

        assertThat(result.mapping().getFieldChecksums()).containsEntry("subject", "5ab1c0ffee00");
        assertThat(result.journal().getKeptFields()).containsExactly("description");
    }

    @Test
    void workPackageEditedInOpenProjectUnderParkIsDeadLetteredAsConflictWithTheReason() {
        Upserter parking = new Upserter() {
            @Override
            public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
                throw new EditedInOpenProjectException("lockVersion 3 in our mapping, 5 in OpenProject");
            }

            @Override
            public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
                return Optional.empty();
            }
        };
        CommandApplier parkingApplier = new CommandApplier(Map.of(CommandKind.WORK_PACKAGE, parking), new MappingCache(),
                LoaderListener.NONE, Clock.systemUTC());

        CommandResult result = parkingApplier.apply(record(command("edited on both sides", 50)));

        assertThat(result.deadLetter().getCategory()).isEqualTo("CONFLICT");
        assertThat(result.deadLetter().getMessage()).contains("3 in our mapping, 5 in OpenProject");
        assertThat(result.publishMapping()).isFalse();
    }

    private static OpenProjectCommand command(String subject, long sourceOffset) {
        return OpenProjectCommand.newBuilder()
                .setCommandId("cmd-" + sourceOffset).setKind(CommandKind.WORK_PACKAGE).setAction(CommandAction.UPSERT)
                .setJiraId("20001").setJiraKey("ALPHA-1").setChecksum("sum-" + sourceOffset).setTransformVersion(4)
                .setBody("{\"subject\":\"" + subject + "\",\"customField1\":\"ALPHA-1\"}")
                .setLineage(new Lineage("j2o.jira.issues", 2, sourceOffset))
                .build();
    }

    private static ConsumerRecord<String, OpenProjectCommand> record(OpenProjectCommand command) {
        return new ConsumerRecord<>("j2o.op.commands", 0, command.getLineage().getOffset(), "work_package:20001", command);
    }
}
