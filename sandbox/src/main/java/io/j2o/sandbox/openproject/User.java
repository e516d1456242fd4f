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

    User copy() {
        User u = new User();
        u.id = id;
        u.login = login;
        u.email = email;
        u.firstName = firstName;
        u.lastName = lastName;
        u.admin = admin;
        u.status = status;
        u.language = language;
        u.createdAt = createdAt;
        u.updatedAt = updatedAt;
        return u;
    }

    String name() {
        return firstName + " " + lastName;
    }
}
