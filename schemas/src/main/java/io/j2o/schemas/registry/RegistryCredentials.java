package io.j2o.schemas.registry;

import java.util.Objects;

/**
 * HTTP basic-auth credentials for the Schema Registry; {@link #toString()} masks the password.
 */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("username must not be empty");
        }
    }

    /** Parses Confluent's {@code basic.auth.user.info} form, {@code user:password} (the password may hold ':'). */
    public static RegistryCredentials fromUserInfo(String userInfo) {
        Objects.requireNonNull(userInfo, "userInfo");
        int colon = userInfo.indexOf(':');
        if (colon <= 0) {
            // The value is not echoed: it may be a password typed into the wrong field.
            throw new IllegalArgumentException("user info must have the form user:password");
        }
        return new RegistryCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
