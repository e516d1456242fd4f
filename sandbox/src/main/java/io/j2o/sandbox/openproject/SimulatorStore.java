package io.j2o.sandbox.openproject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The simulator's in-memory database. Every read and write of its maps goes through {@link #locked}, so a
 * check-then-write (lockVersion, identifier uniqueness) is atomic and renderings see one consistent state.
 */
final class SimulatorStore {

    final Map<Integer, Project> projects = new TreeMap<>();
    final Map<Integer, User> users = new TreeMap<>();
    final Map<Integer, Group> groups = new TreeMap<>();
    final Map<Integer, WorkPackage> workPackages = new TreeMap<>();
    final Map<Integer, Activity> activities = new TreeMap<>();
    final Map<Integer, Version> versions = new TreeMap<>();
    final Map<Integer, Relation> relations = new TreeMap<>();
    final Map<Integer, TimeEntry> timeEntries = new TreeMap<>();
    final Map<Integer, Membership> memberships = new TreeMap<>();
    /** Work package id → ids of the users watching it. */
    final Map<Integer, java.util.TreeSet<Integer>> watchers = new TreeMap<>();
    final Map<Integer, Attachment> attachments = new TreeMap<>();
    final List<CustomFieldDefinition> customFields;
    /** The list fields' options, numbered from 1 across all fields in definition order. */
    final List<CustomOption> customOptions;

    private final Clock clock;
    private final Duration journalAggregation;
    private Instant lastTimestamp = Instant.EPOCH;
    private int nextProjectId = 1;
    private int nextUserId = 1;
    private int nextWorkPackageId = 1;
    private int nextActivityId = 1;
    // Ids of the resources added later, per kind: like the database, never reused after a deletion.
    private final Map<String, Integer> lastIds = new HashMap<>();

    SimulatorStore(List<CustomFieldDefinition> customFields, Clock clock, Duration journalAggregation) {
        this.journalAggregation = journalAggregation;
        this.customFields = List.copyOf(customFields);
        List<CustomOption> options = new ArrayList<>();
        for (CustomFieldDefinition field : this.customFields) {
            field.options().forEach(value -> options.add(new CustomOption(options.size() + 1, field.id(), value)));
        }
        this.customOptions = List.copyOf(options);
        this.clock = clock;
        User admin = new User();
        admin.login = "admin";
        admin.email = "admin@example.net";
        admin.firstName = "OpenProject";
        admin.lastName = "Admin";
        admin.admin = true;
        admin.status = "active";
        addUser(admin);
    }

    synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    synchronized void locked(Runnable action) {
        action.run();
    }

    /** Strictly increasing millisecond timestamps, so every write visibly moves {@code updatedAt}. */
    Instant now() {
        Instant candidate = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastTimestamp = candidate.isAfter(lastTimestamp) ? candidate : lastTimestamp.plusMillis(1);
        return lastTimestamp;
    }

    Project addProject(Project project) {
        project.id = nextProjectId++;
        project.createdAt = now();
        project.updatedAt = project.createdAt;
        projects.put(project.id, project);
        return project;
    }

    User addUser(User user) {
        user.id = nextUserId++;
        user.createdAt = now();
        user.updatedAt = user.createdAt;
        users.put(user.id, user);
        return user;
    }

    /** Groups are principals like users, in one table on the real server: a group never shares a user's id. */
    Group addGroup(Group group) {
        group.id = nextUserId++;
        group.createdAt = now();
        group.updatedAt = group.createdAt;
        groups.put(group.id, group);
        return group;
    }

    WorkPackage addWorkPackage(WorkPackage workPackage) {
        workPackage.id = nextWorkPackageId++;
        workPackage.lockVersion = 0;
        if (workPackage.createdAt == null) {
            workPackage.createdAt = now();
        }
        workPackage.updatedAt = now();
        workPackages.put(workPackage.id, workPackage);
        return workPackage;
    }

    /** The next id of {@code kind} (e.g. {@code "versions"}): 1, 2, 3… */
    int nextId(String kind) {
        return lastIds.merge(kind, 1, Integer::sum);
    }

    void journal(WorkPackage workPackage, int userId, List<String> details) {
        addActivity(workPackage.id, userId, details, "", workPackage.updatedAt);
    }

    /** A comment is a journal with notes and no changes, unless it is merged into the one before (see below). */
    Activity comment(int workPackageId, int userId, String raw) {
        return addActivity(workPackageId, userId, List.of(), raw, now());
    }

    /**
     * Journal aggregation as OpenProject does it: a journal by the user who wrote the work package's last journal,
     * within {@code journal_aggregation_time_minutes} of that journal's last change, is merged into it (same id and
     * version, changes added, its time moved on), unless both carry a note: two comments in a row stay two.
     */
    private Activity addActivity(int workPackageId, int userId, List<String> details, String comment, Instant at) {
        List<Activity> journals = activities.values().stream().filter(a -> a.workPackageId() == workPackageId).toList();
        Activity last = journals.isEmpty() ? null : journals.get(journals.size() - 1);
        if (last != null && last.userId() == userId && !(last.isComment() && !comment.isEmpty())
                && at.isBefore(last.updatedAt().plus(journalAggregation))) {
            Activity merged = last.mergedWith(details, comment, at);
            activities.put(merged.id(), merged);
            return merged;
        }
        Activity activity = new Activity(nextActivityId++, workPackageId, journals.size() + 1, userId, details, comment,
                at, at);
        activities.put(activity.id(), activity);
        return activity;
    }

    /** Deletes the work package with its descendants and their journals, as the real server does. */
    void deleteWorkPackage(int id) {
        List<Integer> children = new ArrayList<>();
        workPackages.values().stream().filter(w -> Integer.valueOf(id).equals(w.parentId))
                .forEach(w -> children.add(w.id));
        children.forEach(this::deleteWorkPackage);
        workPackages.remove(id);
        activities.values().removeIf(a -> a.workPackageId() == id);
        relations.values().removeIf(r -> r.fromId == id || r.toId == id);
        timeEntries.values().removeIf(t -> t.workPackageId == id);
        watchers.remove(id);
        attachments.values().removeIf(a -> a.workPackageId == id);
    }

    CustomOption customOption(int id) {
        return id >= 1 && id <= customOptions.size() ? customOptions.get(id - 1) : null;
    }

    /** The row {@code id} of {@code table}; a 404 when there is none. */
    static <T> T existing(Map<Integer, T> table, int id) {
        T row = table.get(id);
        if (row == null) {
            throw ApiError.notFound();
        }
        return row;
    }

    /** Resolves {@code {id|identifier}} from a project path. */
    Project project(String idOrIdentifier) {
        if (idOrIdentifier.chars().allMatch(Character::isDigit) && !idOrIdentifier.isEmpty()) {
            Project byId = projects.get(Integer.parseInt(idOrIdentifier));
            if (byId != null) {
                return byId;
            }
        }
        return projects.values().stream().filter(p -> p.identifier.equalsIgnoreCase(idOrIdentifier))
                .findFirst().orElse(null);
    }
}
