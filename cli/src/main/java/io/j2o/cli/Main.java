package io.j2o.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code j2o} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line in-process and returns its exit code; tests call this with their own writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new J2oCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ExitCodes())
                .execute(args);
    }
}
