package io.j2o.sandbox.openproject;

import java.util.List;

/** The read-only catalogue a fresh OpenProject seeds: types, statuses and priorities (no API creates them). */
final class ReferenceData {

    record Type(int id, String name, String color, boolean isDefault, boolean isMilestone) {
    }

    record Status(int id, String name, String color, boolean isClosed, boolean isDefault) {
    }

    record Priority(int id, String name, String color, boolean isDefault) {
    }

    static final List<Type> TYPES = List.of(
            new Type(1, "Task", "#1A67A3", true, false),
            new Type(2, "Milestone", "#35C53F", true, true),
            new Type(3, "Phase", "#F7983A", true, false),
            new Type(4, "Feature", "#00B0F0", false, false),
            new Type(5, "Epic", "#A73B96", false, false),
            new Type(6, "User story", "#00A1A0", false, false),
            new Type(7, "Bug", "#C4161C", false, false));

    static final List<Status> STATUSES = List.of(
            new Status(1, "New", "#1098AD", false, true),
            new Status(2, "In specification", "#F59F00", false, false),
            new Status(3, "Specified", "#82C91E", false, false),
            new Status(4, "Confirmed", "#CC5DE8", false, false),
            new Status(5, "To be scheduled", "#5C7CFA", false, false),
            new Status(6, "Scheduled", "#20C997", false, false),
            new Status(7, "In progress", "#FAB005", false, false),
            new Status(8, "Developed", "#099268", false, false),
            new Status(9, "In testing", "#4C6EF5", false, false),
            new Status(10, "Tested", "#2B8A3E", false, false),
            new Status(11, "Test failed", "#E03131", false, false),
            new Status(12, "Closed", "#868E96", true, false),
            new Status(13, "On hold", "#E8590C", false, false),
            new Status(14, "Rejected", "#495057", true, false));

    // OpenProject keeps priorities in the enumerations table after the six seeded time-entry activities,
    // so a fresh instance numbers them 7..10; clients must not assume 1-based ids.
    static final List<Priority> PRIORITIES = List.of(
            new Priority(7, "Low", "#C5F6FA", false),
            new Priority(8, "Normal", "#74C0FC", true),
            new Priority(9, "High", "#FF922B", false),
            new Priority(10, "Immediate", "#F03E3E", false));

    /** Time-entry activities share the enumerations table with priorities, hence ids 1..6. */
    record TimeEntryActivity(int id, String name, boolean isDefault) {
    }

    static final List<TimeEntryActivity> TIME_ENTRY_ACTIVITIES = List.of(
            new TimeEntryActivity(1, "Management", false),
            new TimeEntryActivity(2, "Specification", false),
            new TimeEntryActivity(3, "Development", true),
            new TimeEntryActivity(4, "Testing", false),
            new TimeEntryActivity(5, "Support", false),
            new TimeEntryActivity(6, "Other", false));

    /** Roles a fresh instance seeds; 1 and 2 are the built-in non-member and anonymous roles, not grantable. */
    record Role(int id, String name) {
    }

    static final List<Role> ROLES = List.of(
            new Role(3, "Project admin"),
            new Role(4, "Member"),
            new Role(5, "Reader"));

    private ReferenceData() {
    }

    static Type type(int id) {
        return TYPES.stream().filter(t -> t.id() == id).findFirst().orElse(null);
    }

    static Status status(int id) {
        return STATUSES.stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    static Priority priority(int id) {
        return PRIORITIES.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    static TimeEntryActivity timeEntryActivity(int id) {
        return TIME_ENTRY_ACTIVITIES.stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    static TimeEntryActivity defaultTimeEntryActivity() {
        return TIME_ENTRY_ACTIVITIES.stream().filter(TimeEntryActivity::isDefault).findFirst().orElseThrow();
    }

    static Role role(int id) {
        return ROLES.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    static Status defaultStatus() {
        return STATUSES.stream().filter(Status::isDefault).findFirst().orElseThrow();
    }

    static Priority defaultPriority() {
        return PRIORITIES.stream().filter(Priority::isDefault).findFirst().orElseThrow();
    }
}
