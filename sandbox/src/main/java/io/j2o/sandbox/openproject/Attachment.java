package io.j2o.sandbox.openproject;

import java.time.Instant;

/**
 * An attachment of a work package: what OpenProject keeps about an upload. The bytes themselves are not kept, only
 * their size and MD5 digest, so a large upload costs the simulator no memory. Mutated only under the store's lock.
 */
final class Attachment {
    int id;
    int workPackageId;
    int authorId;
    String fileName;
    long fileSize;
    String contentType;
    String description = "";
    String md5;
    Instant createdAt;
}
