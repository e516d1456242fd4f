package io.j2o.sandbox.jira;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Query-parameter helpers shared by the paged resources. */
final class Paging {

    private Paging() {
    }

    /** An integer parameter clamped to {@code [min, cap]}; Jira silently lowers an oversized page size. */
    static int intParam(Context ctx, String name, int defaultValue, int min, int cap) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Math.min(Math.max(Integer.parseInt(raw.trim()), min), cap);
        } catch (NumberFormatException e) {
            throw JiraApiException.badRequest("The '" + name + "' parameter must be an integer, was '" + raw + "'.");
        }
    }

    static Set<String> expand(String value) {
        return value == null ? Set.of() : Arrays.stream(value.split(","))
                .map(String::trim).filter(part -> !part.isEmpty()).collect(Collectors.toSet());
    }
}
