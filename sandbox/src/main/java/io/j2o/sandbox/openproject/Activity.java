package io.j2o.sandbox.openproject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal entry of a work package: its version number, the human-readable change lines and the comment (the
 * journal's notes; empty when the entry only records attribute changes).
 */
record Activity(int id, int workPackageId, int version, int userId, List<String> details, String comment,
        Instant createdAt, Instant updatedAt) {

    Activity {
        details = List.copyOf(details);
        comment = comment == null ? "" : comment;
    }

    boolean isComment() {
        return !comment.isEmpty();
    }

    /** This journal with a later one of the same user merged in: its changes added, its note if it has one. */
    Activity mergedWith(List<String> moreDetails, String note, Instant at) {
        List<String> all = new ArrayList<>(details);
        all.addAll(moreDetails);
        return new Activity(id, workPackageId, version, userId, all, note.isEmpty() ? comment : note, createdAt, at);
    }

    Activity withComment(String raw, Instant at) {
        return new Activity(id, workPackageId, version, userId, details, raw, createdAt, at);
    }
}
