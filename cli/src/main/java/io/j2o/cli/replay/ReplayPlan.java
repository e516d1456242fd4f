package io.j2o.cli.replay;

import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.schemas.topics.ReplayEpochs;
import io.j2o.schemas.topics.Topics;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A checked replay request: which group, which topics, from where, and which epochs a forced replay bumps. */
record ReplayPlan(ReplayStage stage, Set<ReplayEntity> entities, List<String> projects, ReplayStart start, boolean force) {

    static ReplayPlan of(ReplayStage stage, List<String> entityNames, List<String> projects, ReplayStart start,
            boolean force) {
        if (stage == ReplayStage.LOAD && (!entityNames.isEmpty() || !projects.isEmpty() || force)) {
            throw new IllegalArgumentException("--entities, --projects and --force select what the transformer re-emits: "
                    + "they go with --stage transform (the loader re-reads every command and applies those not applied yet)");
        }
        if (!projects.isEmpty() && !force) {
            throw new IllegalArgumentException("--projects needs --force: without it the transformer re-emits only what "
                    + "changed, whatever the project");
        }
        projects.forEach(ReplayPlan::checkProjectKey);
        Set<ReplayEntity> entities = new LinkedHashSet<>();
        entityNames.forEach(name -> entities.add(ReplayEntity.parse(name)));
        if (entities.isEmpty()) {
            entities.addAll(Arrays.asList(ReplayEntity.values()));
        }
        return new ReplayPlan(stage, Set.copyOf(entities), List.copyOf(projects), start, force);
    }

    String groupId(PipelineSettings settings) {
        return stage == ReplayStage.TRANSFORM ? settings.transformer().applicationId() : settings.loader().groupId();
    }

    List<String> topics(Topics topics) {
        return stage == ReplayStage.TRANSFORM
                ? Arrays.stream(ReplayEntity.values()).filter(entities::contains).map(e -> e.topic(topics)).toList()
                : List.of(topics.commands());
    }

    /** One scope per selected entity, or per selected entity and project. */
    List<String> epochScopes() {
        return Arrays.stream(ReplayEntity.values()).filter(entities::contains)
                .flatMap(entity -> projects.isEmpty()
                        ? Stream.of(ReplayEpochs.scope(entity.type(), null))
                        : projects.stream().map(project -> ReplayEpochs.scope(entity.type(), project)))
                .toList();
    }

    private static void checkProjectKey(String key) {
        if (!key.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("--projects: '" + key + "' is not a Jira project key");
        }
    }
}
