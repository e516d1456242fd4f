package io.j2o.extractor;

/** What one extraction pass published. */
public record ExtractionStats(int projects, int issues) {
}
