package io.j2o.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes: a user mistake (bad option or configuration value) exits 2 with a
 * one-line message and no stack trace; anything else exits 1 with the message and the cause chain.
 */
final class ExitCodes implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println("j2o: " + e.getMessage());
            return USER_ERROR;
        }
        command.getErr().println("j2o: failed: " + e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            command.getErr().println("  caused by: " + cause);
        }
        return FAILURE;
    }
}
