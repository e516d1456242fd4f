package io.j2o.sandbox.dataset;

import java.util.List;
import java.util.Random;

/** Word pools and sentence templates the generator draws from, so generated text reads like a real tracker. */
final class DatasetVocabulary {

    static final List<String> FIRST_NAMES = List.of("Mia", "Ari", "Noah", "Lena", "Omar", "Priya", "Jonas",
            "Chloé", "Kenji", "Sofia", "Mateo", "Aisha", "Lars", "Zoë", "Ravi", "Hannah");
    static final List<String> LAST_NAMES = List.of("Krystof", "Lee", "Schmidt", "García", "Okafor", "Nakamura",
            "Dubois", "Novak", "Haddad", "Eriksson", "O'Brien", "Rossi", "Kowalski", "Tanaka", "Müller", "Silva");
    static final List<String> TIME_ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo",
            "Australia/Sydney", "UTC", "America/Los_Angeles", "Asia/Kolkata", "Europe/London");
    static final List<String> PROJECT_KEYS = List.of("ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA",
            "THETA", "IOTA", "KAPPA", "LAMBDA", "MU", "NU", "XI", "OMICRON", "PI", "RHO", "SIGMA", "TAU", "UPSILON",
            "PHI", "CHI", "PSI", "OMEGA");
    static final List<String> PROJECT_SUFFIXES = List.of("Platform", "Mobile", "Payments", "Data", "Identity",
            "Search", "Checkout", "Infrastructure");
    static final List<String> COMPONENTS = List.of("PaymentService", "login page", "CSV export", "search index",
            "REST gateway", "billing job", "iOS app", "notification mailer", "audit log", "user_profile table");
    static final List<String> LABELS = List.of("backend", "frontend", "regression", "security", "tech-debt",
            "customer", "performance", "ux", "release-blocker", "flaky");
    static final List<String> LANGUAGES = List.of("java", "sql", "json", "bash", "yaml", "python");
    static final List<String> URLS = List.of("https://example.com/runbook", "https://status.example.org/incidents/42",
            "https://docs.example.net/api?version=3&lang=en", "https://github.com/example/repo/pull/17");

    /** Summary templates; several carry characters that are special in Markdown on purpose. */
    static final List<String> SUMMARY_TEMPLATES = List.of(
            "%s fails when the session expires",
            "Improve performance of %s",
            "Fix `NullPointerException` in %s",
            "*Urgent*: %s returns HTTP 500",
            "Rename snake_case_fields in %s",
            "[Spike] evaluate a new design for %s",
            "#%d regression in %s after the last release",
            "Support _optional_ filters in %s",
            "Add <b>bold</b> & italic support to %s",
            "%s: handle 100% of edge cases (a|b)",
            "Document the ~tilde~ and \\backslash\\ handling of %s",
            "Migrate %s to the new API [v2] - step 1",
            "Write tests for %s");

    static final List<String> SENTENCES = List.of(
            "Steps to reproduce are below.",
            "This blocks the next release for several customers.",
            "The error only shows up under load.",
            "We agreed to keep the old behaviour behind a flag.",
            "See the linked runbook for background.",
            "Logs attached by the reporter show a timeout after 30 s.",
            "Expected: the page loads. Actual: a blank screen.");

    private DatasetVocabulary() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
