package io.j2o.extractor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of Jira entity an extractor can be told to read ({@code extractor.entities}). */
public enum ExtractedEntity {
    USERS, GROUPS, PROJECTS, VERSIONS, ISSUES, ROLES, VOCABULARY;

    /** Every kind by its configuration name, in the order a pass extracts them. */
    public static final List<String> ALL = Arrays.stream(values()).map(ExtractedEntity::configName).toList();

    /** The name in configuration: {@code users}, {@code groups}, {@code projects}, {@code versions}, {@code issues}, {@code roles}, {@code vocabulary}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a configuration name stands for, whatever its case. */
    public static Optional<ExtractedEntity> named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName().equalsIgnoreCase(name.trim())).findFirst();
    }
}
