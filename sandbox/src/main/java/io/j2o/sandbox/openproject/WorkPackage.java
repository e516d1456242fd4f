package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeMap;

/** A work package as the simulator stores it; edits happen on a {@link #copy()} that replaces it when valid. */
final class WorkPackage {
    int id;
    int projectId;
    int typeId;
    int statusId;
    int priorityId;
    int authorId;
    Integer assigneeId;
    Integer responsibleId;
    Integer parentId;
    String subject;
    String description = "";
    LocalDate startDate;
    LocalDate dueDate;
    Duration estimatedTime;
    Duration remainingTime;
    Integer versionId;
    TreeMap<Integer, JsonNode> customValues = new TreeMap<>();
    int lockVersion;
    Instant createdAt;
    Instant updatedAt;

    WorkPackage copy() {
        WorkPackage w = new WorkPackage();
        w.id = id;
        w.projectId = projectId;
        w.typeId = typeId;
        w.statusId = statusId;
        w.priorityId = priorityId;
        w.authorId = authorId;
        w.assigneeId = assigneeId;
        w.responsibleId = responsibleId;
        w.parentId = parentId;
        w.subject = subject;
        w.description = description;
        w.startDate = startDate;
        w.dueDate = dueDate;
        w.estimatedTime = estimatedTime;
        w.remainingTime = remainingTime;
        w.versionId = versionId;
        w.customValues = new TreeMap<>(customValues);
        w.lockVersion = lockVersion;
        w.createdAt = createdAt;
        w.updatedAt = updatedAt;
        return w;
    }
}
