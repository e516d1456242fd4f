package io.j2o.sandbox.openproject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A time entry logged on a work package; mutated only under the store's lock. */
final class TimeEntry {
    int id;
    int projectId;
    int workPackageId;
    int userId;
    int activityId;
    Duration hours;
    LocalDate spentOn;
    String comment = "";
    Instant createdAt;
    Instant updatedAt;
}
