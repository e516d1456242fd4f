package io.j2o.cli.report;

import io.j2o.cli.report.ValidationReport.Mismatch;
import java.util.List;

/**
 * One kind of entity compared across both sides: how many Jira holds and OpenProject holds, and the keys of the
 * ones missing, duplicated or different. Keys read as people say them: {@code ALPHA-12},
 * {@code relation ALPHA-3 blocks ALPHA-9}, {@code worklog 200061 on ALPHA-4}.
 */
public record KindReport(String kind, int jira, int openProject, List<String> missing, List<String> duplicates,
                         List<Mismatch> mismatched) {

    public KindReport {
        missing = List.copyOf(missing);
        duplicates = List.copyOf(duplicates);
        mismatched = List.copyOf(mismatched);
    }

    public boolean isClean() {
        return missing.isEmpty() && duplicates.isEmpty() && mismatched.isEmpty();
    }
}
