package io.j2o.cli.config;

import java.util.Objects;

/** A credential from the configuration file; shown as {@code ****} wherever it is printed. */
public final class Secret {

    static final String MASK = "****";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The credential itself, for the one client that sends it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
