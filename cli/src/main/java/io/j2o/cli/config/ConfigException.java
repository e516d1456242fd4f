package io.j2o.cli.config;

import java.util.List;

/** A configuration file that cannot be used, with every problem found in it, one line each. */
public final class ConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":"
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
