package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each Jira attachment must be exactly one OpenProject attachment on its issue's work package, found the way the
 * loader finds it (file name and size), with the description the rules give. One over OpenProject's size limit is
 * parked by the loader, so accounted for. Run after work packages are indexed.
 */
final class AttachmentCheck {

    private AttachmentCheck() {
    }

    /** @param workPackageHrefs the migrated work packages' hrefs: OpenProject counts the attachments on them */
    static KindReport check(CheckContext context, List<? extends JsonNode> issues, List<? extends JsonNode> attachments,
                            Set<String> workPackageHrefs) {
        KindFindings findings = context.findings(ValidationReport.ATTACHMENTS);
        for (JsonNode issue : issues) {
            Optional<IssueChildren> listed;
            try {
                listed = context.oracle().children(issue, CommandKind.ATTACHMENT);
            } catch (RuntimeException e) {
                findings.expectSame(issue.path("key").asText(), "attachments unmappable", false);
                continue;
            }
            listed.ifPresent(children -> children.upserts().forEach(attachment ->
                    check(context, findings, attachment, attachments)));
        }
        long held = attachments.stream().filter(a -> workPackageHrefs.contains(containerOf(a))).count();
        return findings.report((int) held);
    }

    private static void check(CheckContext context, KindFindings findings, CommandDraft attachment,
                              List<? extends JsonNode> attachments) {
        String key = context.keys().of("attachment:" + attachment.jiraId());
        JsonNode wanted = attachment.body();
        Optional<String> workPackage = context.hrefs().resolve(wanted.path("_links").path("workPackage"));
        String fileName = wanted.path("fileName").asText();
        long size = wanted.path("size").asLong();
        // Found as the loader finds it: by the marker of its Jira id, by name and size only when unmarked.
        List<? extends JsonNode> found = workPackage.isEmpty() ? List.of() : attachments.stream()
                .filter(a -> workPackage.get().equals(containerOf(a)) && fileName.equals(a.path("fileName").asText())
                        && a.path("fileSize").asLong(-1) == size)
                .filter(a -> TextMarker.ATTACHMENT.idIn(a.path("description").path("raw").asText(""))
                        .map(attachment.jiraId()::equals).orElse(true))
                .toList();
        // The content type is left out: OpenProject may detect its own from the bytes.
        findings.single(key, found).ifPresent(actual -> {
            context.hrefs().put("attachment:" + attachment.jiraId(), HrefIndex.hrefOf(actual));
            findings.expectSame(key, "description",
                    wanted.path("description").path("raw").asText("").equals(actual.path("description").path("raw").asText("")));
        });
    }

    private static String containerOf(JsonNode attachment) {
        return attachment.path("_links").path("container").path("href").asText("");
    }
}
