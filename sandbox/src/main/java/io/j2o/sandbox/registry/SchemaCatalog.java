package io.j2o.sandbox.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state and rules: subjects, versions, global ids and compatibility levels.
 *
 * <p>Every change is appended to the {@link SchemaStore} first and applied to memory only once the store holds it,
 * so an answer never reports something a restart would forget. One lock serialises changes: id and version
 * assignment must see every earlier assignment.
 */
final class SchemaCatalog {

    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final SchemaStore store;
    private final Map<String, TreeMap<Integer, RegistryRecord.SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Integer, String> textsById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;

    SchemaCatalog(SchemaStore store) {
        this.store = store;
    }

    /** Rebuilds the state from everything the store holds. */
    synchronized void load() {
        store.replay().forEach(this::apply);
    }

    /** Registers {@code schema} under {@code subject}; the same schema again returns the id it already has. */
    synchronized int register(String subject, Schema schema) {
        Optional<RegistryRecord.SchemaVersion> existing = find(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        List<Schema> earlier = liveSchemas(subject);
        List<String> problems = level(subject).incompatibilities(schema, level(subject).relevant(earlier));
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible(subject, problems);
        }
        Integer known = idsBySchema.get(schema);
        int id = known != null ? known : nextId(); // the same schema keeps one id across subjects
        TreeMap<Integer, RegistryRecord.SchemaVersion> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        appendAndApply(new RegistryRecord.SchemaVersion(subject, version, id, schema.toString(), false));
        return id;
    }

    /** The live version of {@code subject} that holds {@code schema}. */
    synchronized RegistryRecord.SchemaVersion lookup(String subject, Schema schema) {
        requireSubject(subject);
        return find(subject, schema).orElseThrow(() -> RegistryError.schemaNotFound("Schema not found"));
    }

    synchronized List<String> subjects() {
        return subjects.keySet().stream().filter(s -> !liveVersions(s).isEmpty()).toList();
    }

    synchronized List<Integer> versions(String subject) {
        requireSubject(subject);
        return liveVersions(subject).stream().map(RegistryRecord.SchemaVersion::version).toList();
    }

    /** Version {@code version} ({@code latest}, {@code -1} or a number) of {@code subject}. */
    synchronized RegistryRecord.SchemaVersion version(String subject, String version) {
        requireSubject(subject);
        List<RegistryRecord.SchemaVersion> live = liveVersions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return live.get(live.size() - 1);
        }
        int number = parseVersion(version);
        return live.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(version));
    }

    synchronized String schemaText(int id) {
        String text = textsById.get(id);
        if (text == null) {
            throw RegistryError.schemaNotFound("Schema " + id + " not found");
        }
        return text;
    }

    /** Why {@code schema} could not follow {@code version} of {@code subject}; {@code latest} honours transitivity. */
    synchronized List<String> incompatibilities(String subject, String version, Schema schema) {
        CompatibilityLevel level = level(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            requireSubject(subject);
            return level.incompatibilities(schema, level.relevant(liveSchemas(subject)));
        }
        Schema against = schemasById.get(version(subject, version).id());
        return level.incompatibilities(schema, List.of(against));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
    synchronized void setLevel(String subject, CompatibilityLevel level) {
        appendAndApply(new RegistryRecord.Compatibility(subject, Objects.requireNonNull(level, "level")));
    }

    /** Soft-deletes every live version of {@code subject} and its own level; returns the versions deleted. */
    synchronized List<Integer> deleteSubject(String subject) {
        requireSubject(subject);
        List<Integer> deleted = new ArrayList<>();
        for (RegistryRecord.SchemaVersion live : liveVersions(subject)) {
            appendAndApply(new RegistryRecord.SchemaVersion(
                    subject, live.version(), live.id(), live.schema(), true));
            deleted.add(live.version());
        }
        if (subjectLevels.containsKey(subject)) {
            appendAndApply(new RegistryRecord.Compatibility(subject, null));
        }
        return deleted;
    }

    synchronized int schemaCount() {
        return textsById.size();
    }

    private CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private void appendAndApply(RegistryRecord record) {
        store.append(record);
        apply(record);
    }

    private void apply(RegistryRecord record) {
        if (record instanceof RegistryRecord.SchemaVersion version) {
            subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
            if (!textsById.containsKey(version.id())) {
                Schema schema = new Schema.Parser().parse(version.schema());
                textsById.put(version.id(), version.schema());
                schemasById.put(version.id(), schema);
                idsBySchema.putIfAbsent(schema, version.id());
            }
        } else if (record instanceof RegistryRecord.Compatibility compatibility) {
            if (compatibility.subject() == null) {
                globalLevel = compatibility.level() == null ? DEFAULT_LEVEL : compatibility.level();
            } else if (compatibility.level() == null) {
                subjectLevels.remove(compatibility.subject());
            } else {
                subjectLevels.put(compatibility.subject(), compatibility.level());
            }
        }
    }

    private Optional<RegistryRecord.SchemaVersion> find(String subject, Schema schema) {
        return liveVersions(subject).stream()
                .filter(v -> schemasById.get(v.id()).equals(schema))
                .findFirst();
    }

    private void requireSubject(String subject) {
        if (liveVersions(subject).isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
    }

    private List<RegistryRecord.SchemaVersion> liveVersions(String subject) {
        TreeMap<Integer, RegistryRecord.SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> !v.deleted()).toList();
    }

    private List<Schema> liveSchemas(String subject) {
        return liveVersions(subject).stream().map(v -> schemasById.get(v.id())).toList();
    }

    private int nextId() {
        return textsById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private static int parseVersion(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the registry's own error.
        }
        throw RegistryError.invalidVersion(version);
    }
}
