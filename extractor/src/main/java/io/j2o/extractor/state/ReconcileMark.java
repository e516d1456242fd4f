package io.j2o.extractor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * When the extractor last looked for deleted issues and how many passes it has made since, kept in the state topic
 * so that "every {@code reconcileEvery} passes" holds across restarts: an extractor restarted more often than that
 * would otherwise never reconcile.
 *
 * @param at          when the last reconciling pass started; null before the first
 * @param passesSince passes made since then
 */
public record ReconcileMark(Instant at, int passesSince) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** No reconciliation yet, no pass either. */
    public static ReconcileMark none() {
        return new ReconcileMark(null, 0);
    }

    /** Whether the next pass is due to reconcile when it must every {@code reconcileEvery} passes. */
    public boolean dueWithin(int reconcileEvery) {
        return passesSince + 1 >= reconcileEvery;
    }

    /** The mark after a pass that started at {@code passStart}, reconciling or not. */
    public ReconcileMark after(Instant passStart, boolean reconciled) {
        return reconciled ? new ReconcileMark(passStart, 0) : new ReconcileMark(at, passesSince + 1);
    }

    String write() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("at", at == null ? null : at.toString());
        json.put("passesSince", passesSince);
        return json.toString();
    }

    static ReconcileMark read(String key, String text) {
        try {
            JsonNode json = MAPPER.readTree(text);
            String at = json.path("at").asText(null);
            return new ReconcileMark(at == null ? null : Instant.parse(at), json.path("passesSince").asInt());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("reconciliation mark " + key + " in the state topic is unreadable: " + e.getMessage(), e);
        }
    }
}
