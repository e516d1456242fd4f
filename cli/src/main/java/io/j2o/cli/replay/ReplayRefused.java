package io.j2o.cli.replay;

/** A replay that would be unsafe now, e.g. because the service whose offsets it rewinds is still running. */
public final class ReplayRefused extends RuntimeException {

    public ReplayRefused(String message) {
        super(message);
    }
}
