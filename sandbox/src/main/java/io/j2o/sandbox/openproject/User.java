package io.j2o.sandbox.openproject;

import java.time.Instant;

/** A user as the simulator stores it; mutated only under the store's lock. */
final class User {
    int id;
    String login;
    String email;
    String firstName;
    String lastName;
    boolean admin;
    String status;
    String language = "en";
    Instant createdAt;
    Instant updatedAt;

    String name() {
        return firstName + " " + lastName;
    }
}
