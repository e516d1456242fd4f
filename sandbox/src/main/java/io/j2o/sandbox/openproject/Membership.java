package io.j2o.sandbox.openproject;

import java.time.Instant;
import java.util.TreeSet;

/** A principal's roles in one project; mutated only under the store's lock. */
final class Membership {
    int id;
    int projectId;
    int principalId;
    TreeSet<Integer> roleIds = new TreeSet<>();
    Instant createdAt;
    Instant updatedAt;
}
