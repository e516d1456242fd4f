package io.j2o.sandbox.openproject;

import java.time.Instant;
import java.time.LocalDate;

/** A version as the simulator stores it; mutated only under the store's lock. */
final class Version {
    int id;
    int projectId;
    String name;
    String description = "";
    LocalDate startDate;
    LocalDate endDate;
    String status = "open";
    String sharing = "none";
    Instant createdAt;
    Instant updatedAt;

    /** OpenProject only lets work packages be put into an open version shared with their project. */
    boolean assignableIn(int workPackageProjectId) {
        return status.equals("open") && (projectId == workPackageProjectId || sharing.equals("system"));
    }
}
