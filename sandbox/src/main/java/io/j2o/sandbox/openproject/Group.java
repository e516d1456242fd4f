package io.j2o.sandbox.openproject;

import java.time.Instant;
import java.util.TreeSet;

/** A group of users as the simulator stores it; a principal like a user, so it shares the users' ids. */
final class Group {
    int id;
    String name;
    TreeSet<Integer> memberIds = new TreeSet<>();
    Instant createdAt;
    Instant updatedAt;

    /** A copy to change and validate; the member set is shared, as a write replaces it instead of changing it. */
    Group copy() {
        Group g = new Group();
        g.id = id;
        g.name = name;
        g.memberIds = memberIds;
        g.createdAt = createdAt;
        g.updatedAt = updatedAt;
        return g;
    }
}
