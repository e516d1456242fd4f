package io.j2o.cli.validate;

/**
 * One finding of {@code j2o validate --pre}.
 *
 * @param area    what was checked: {@code kafka}, {@code jira}, {@code mapping.status}, …
 * @param verdict {@code OK}, {@code WARN} (the run works, but not as one may expect) or {@code FAIL} (it would not)
 */
public record PreflightCheck(String area, Verdict verdict, String message) {

    public enum Verdict { OK, WARN, FAIL }

    static PreflightCheck ok(String area, String message) {
        return new PreflightCheck(area, Verdict.OK, message);
    }

    static PreflightCheck warn(String area, String message) {
        return new PreflightCheck(area, Verdict.WARN, message);
    }

    static PreflightCheck fail(String area, String message) {
        return new PreflightCheck(area, Verdict.FAIL, message);
    }

    @Override
    public String toString() {
        return String.format("%-4s %-18s %s", verdict, area, message);
    }
}
