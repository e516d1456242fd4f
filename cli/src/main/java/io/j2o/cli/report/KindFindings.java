package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.cli.report.ValidationReport.Mismatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Collects one kind's findings while a check walks the Jira entities of that kind. */
final class KindFindings {

    private final String kind;
    private final Predicate<String> accountedFor;
    private int jira;
    private final List<String> missing = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<Mismatch> mismatched = new ArrayList<>();

    /** @param accountedFor whether a key is parked or waiting, so not missing */
    KindFindings(String kind, Predicate<String> accountedFor) {
        this.kind = kind;
        this.accountedFor = accountedFor;
    }

    /**
     * Counts one Jira entity and judges what OpenProject holds for it: nothing is missing (unless parked or waiting),
     * more than one is a duplicate; the one found, if exactly one, is returned to compare field by field.
     */
    Optional<JsonNode> single(String key, List<? extends JsonNode> found) {
        jira++;
        if (found.isEmpty()) {
            if (!accountedFor.test(key)) {
                missing.add(key);
            }
            return Optional.empty();
        }
        if (found.size() > 1) {
            duplicates.add(key);
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    /** Counts Jira entities compared elsewhere (comments, judged per issue). */
    void counted(int entities) {
        jira += entities;
    }

    /** Adds {@code field} of {@code key} as different unless {@code same}. */
    void expectSame(String key, String field, boolean same) {
        if (!same) {
            mismatched.add(new Mismatch(key, field));
        }
    }

    KindReport report(int openProject) {
        return new KindReport(kind, jira, openProject, missing, duplicates, mismatched);
    }
}
