package io.j2o.sandbox.openproject;

import java.time.Instant;
import java.util.List;

/** One journal entry of a work package: its version number and the human-readable change lines. */
record Activity(int id, int workPackageId, int version, int userId, List<String> details, Instant createdAt) {
}
