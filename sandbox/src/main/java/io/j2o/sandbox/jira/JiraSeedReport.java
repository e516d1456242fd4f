package io.j2o.sandbox.jira;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link JiraSeedDirectory} made of a folder: each file it recognised, and each file, issue or project it could
 * not use, with the reason. Nothing read from the folder goes unmentioned.
 *
 * @param recognised the files that were read, with the shape each was recognised as
 * @param problems   unreadable or unrecognised files, and entities that were left out
 * @param synthesisedProjects keys of projects no project list named, built from their issues' {@code fields.project}
 */
public record JiraSeedReport(List<RecognisedFile> recognised, List<Problem> problems, List<String> synthesisedProjects) {

    public JiraSeedReport {
        recognised = List.copyOf(recognised);
        problems = List.copyOf(problems);
        synthesisedProjects = List.copyOf(synthesisedProjects);
    }

    /**
     * A file whose shape was recognised.
     *
     * @param shape    e.g. {@code issue}, {@code search page (v2 /search)}, {@code statuses}
     * @param entities how many entities it held
     * @param served   false for shapes the simulator keeps no endpoint for (fields, link types, comment pages…)
     */
    public record RecognisedFile(Path file, String shape, int entities, boolean served) {
    }

    /**
     * Something that was not loaded.
     *
     * @param key    the issue or project key concerned, or null when the whole file is meant
     * @param reason what is wrong, precisely enough to look it up in the file
     */
    public record Problem(Path file, String key, String reason) {

        @Override
        public String toString() {
            return file + (key == null ? "" : " [" + key + "]") + ": " + reason;
        }
    }

    /** Problems that concern one issue or project (as opposed to a whole file). */
    public List<Problem> entityProblems() {
        return problems.stream().filter(problem -> problem.key() != null).toList();
    }

    /** Recognised files counted per shape, for a summary line. */
    public Map<String, Integer> shapes() {
        Map<String, Integer> shapes = new TreeMap<>();
        recognised.forEach(file -> shapes.merge(file.shape(), 1, Integer::sum));
        return shapes;
    }
}
