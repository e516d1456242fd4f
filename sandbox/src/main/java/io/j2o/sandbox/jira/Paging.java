package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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

    /**
     * Jira's {@code PageBean} of {@code all} as the request's {@code startAt} and {@code maxResults} (at most
     * {@code cap}) select it: {@code self}, {@code nextPage} unless last, {@code startAt}, {@code maxResults},
     * {@code total}, {@code isLast} and the page's {@code values}, each rendered by {@code render}.
     *
     * @param base the resource's URL up to where {@code startAt=…} follows: ending in {@code ?} or {@code &}
     */
    static <T extends JsonNode> ObjectNode pageBean(Context ctx, String base, int defaultMaxResults, int cap, List<T> all,
                                                    Function<T, JsonNode> render) {
        int startAt = intParam(ctx, "startAt", 0, 0, Integer.MAX_VALUE);
        int maxResults = intParam(ctx, "maxResults", defaultMaxResults, 1, cap);
        List<T> values = all.stream().skip(startAt).limit(maxResults).toList();
        boolean last = startAt + values.size() >= all.size();
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        body.put("self", base + "startAt=" + startAt + "&maxResults=" + maxResults);
        if (!last) {
            body.put("nextPage", base + "startAt=" + (startAt + values.size()) + "&maxResults=" + maxResults);
        }
        body.put("maxResults", maxResults);
        body.put("startAt", startAt);
        body.put("total", all.size());
        body.put("isLast", last);
        ArrayNode array = body.putArray("values");
        values.forEach(value -> array.add(render.apply(value)));
        return body;
    }

    static Set<String> expand(String value) {
        return value == null ? Set.of() : Arrays.stream(value.split(","))
                .map(String::trim).filter(part -> !part.isEmpty()).collect(Collectors.toSet());
    }
}
