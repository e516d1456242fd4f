package io.j2o.cli.demo;

import io.j2o.sandbox.openproject.OpenProjectSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's {@code --faults} option: {@code openproject:latency=20ms,5xx=0.05,409=0.02}, several targets separated
 * by {@code ;}. Every mistake in the text is reported at once, before anything starts.
 */
record FaultPlan(Map<String, Map<String, String>> byTarget) {

    private static final Map<String, List<String>> KNOWN = Map.of(
            "openproject", List.of("latency", "5xx", "409", "429"));

    static FaultPlan none() {
        return new FaultPlan(Map.of());
    }

    static FaultPlan parse(String text) {
        Map<String, Map<String, String>> byTarget = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] targetAndSettings = part.trim().split(":", 2);
            String target = targetAndSettings[0].trim().toLowerCase(Locale.ROOT);
            if (!KNOWN.containsKey(target) || targetAndSettings.length < 2) {
                problems.add("'" + part.trim() + "' must look like <target>:<name>=<value>,… with target one of " + KNOWN.keySet());
                continue;
            }
            Map<String, String> settings = byTarget.computeIfAbsent(target, t -> new LinkedHashMap<>());
            for (String setting : targetAndSettings[1].split(",")) {
                String[] nameValue = setting.trim().split("=", 2);
                String name = nameValue[0].trim().toLowerCase(Locale.ROOT);
                if (nameValue.length < 2 || !KNOWN.get(target).contains(name)) {
                    problems.add(target + ": '" + setting.trim() + "' is not one of " + KNOWN.get(target) + " with a value");
                    continue;
                }
                String value = nameValue[1].trim();
                String problem = name.equals("latency") ? checkDuration(value) : checkProbability(value);
                if (problem != null) {
                    problems.add(target + "." + name + ": " + problem);
                }
                settings.put(name, value);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("--faults: " + String.join("; ", problems));
        }
        return new FaultPlan(byTarget);
    }

    void applyTo(OpenProjectSimulator openProject) {
        Map<String, String> settings = byTarget.getOrDefault("openproject", Map.of());
        settings.forEach((name, value) -> {
            switch (name) {
                case "latency" -> openProject.setLatency(duration(value));
                case "5xx" -> openProject.failRandomly(503, Double.parseDouble(value));
                // A stale lockVersion is the only realistic source of a 409: updates only.
                case "409" -> openProject.failRandomly(409, Double.parseDouble(value), "PATCH");
                case "429" -> openProject.failRandomly(429, Double.parseDouble(value));
                default -> throw new IllegalStateException("unchecked fault " + name);
            }
        });
    }

    @Override
    public String toString() {
        return byTarget.isEmpty() ? "none" : byTarget.toString();
    }

    private static String checkProbability(String value) {
        try {
            double p = Double.parseDouble(value);
            return p >= 0 && p <= 1 ? null : "must be a probability 0..1, was " + value;
        } catch (NumberFormatException e) {
            return "must be a probability 0..1, was " + value;
        }
    }

    private static String checkDuration(String value) {
        try {
            duration(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** {@code 20ms}, {@code 2s}. */
    static Duration duration(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("must be a duration like 20ms or 2s, was " + value);
    }
}
