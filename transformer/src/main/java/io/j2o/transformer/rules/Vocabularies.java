package io.j2o.transformer.rules;

import java.util.Map;

/**
 * Which Jira names mean which OpenProject names when nobody configured otherwise: Jira's default schemes mapped onto
 * OpenProject's seeded types, statuses and priorities.
 */
final class Vocabularies {

    static final Map<String, String> TYPES = Map.of(
            "Story", "User story",
            "Sub-task", "Task",
            "Subtask", "Task",
            "Improvement", "Feature",
            "New Feature", "Feature");

    /** Also keyed by Jira's status category keys ({@code new}, {@code indeterminate}, {@code done}). */
    static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("To Do", "New"),
            Map.entry("Open", "New"),
            Map.entry("Backlog", "New"),
            Map.entry("Selected for Development", "Scheduled"),
            Map.entry("In Review", "In testing"),
            Map.entry("Reopened", "In progress"),
            Map.entry("Done", "Closed"),
            Map.entry("Resolved", "Closed"),
            Map.entry("new", "New"),
            Map.entry("indeterminate", "In progress"),
            Map.entry("done", "Closed"));

    static final Map<String, String> PRIORITIES = Map.of(
            "Highest", "Immediate",
            "Blocker", "Immediate",
            "Critical", "High",
            "Major", "High",
            "Medium", "Normal",
            "Minor", "Low",
            "Lowest", "Low",
            "Trivial", "Low");

    private Vocabularies() {
    }
}
