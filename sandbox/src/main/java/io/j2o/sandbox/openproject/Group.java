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
}
