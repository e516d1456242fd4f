package io.j2o.sandbox.openproject;

import java.time.Instant;

/** A project as the simulator stores it; mutated only under the store's lock. */
final class Project {
    int id;
    String identifier;
    String name;
    String description = "";
    boolean active = true;
    boolean isPublic;
    /** The project this one is a subproject of; null at the top level. */
    Integer parentId;
    Instant createdAt;
    Instant updatedAt;

    Project copy() {
        Project p = new Project();
        p.id = id;
        p.identifier = identifier;
        p.name = name;
        p.description = description;
        p.active = active;
        p.isPublic = isPublic;
        p.parentId = parentId;
        p.createdAt = createdAt;
        p.updatedAt = updatedAt;
        return p;
    }
}
