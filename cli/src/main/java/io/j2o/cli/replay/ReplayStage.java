package io.j2o.cli.replay;

/** Which service a replay rewinds: the transformer re-reads Jira events, the loader re-reads commands. */
public enum ReplayStage {
    TRANSFORM,
    LOAD
}
