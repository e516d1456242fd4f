package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** One entry of the {@code filters} query parameter: {@code {"<name>":{"operator":"=","values":["1"]}}}. */
record QueryFilter(String name, String operator, List<String> values) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the URL-decoded {@code filters} JSON array; anything malformed is a 400 {@code InvalidQuery}. */
    static List<QueryFilter> parseAll(String filtersJson) {
        JsonNode root;
        try {
            root = JSON.readTree(filtersJson);
        } catch (Exception e) {
            throw ApiError.invalidQuery("Filters are not valid JSON.");
        }
        if (root == null || !root.isArray()) {
            throw ApiError.invalidQuery("Filters must be a JSON array.");
        }
        List<QueryFilter> filters = new ArrayList<>();
        for (JsonNode entry : root) {
            if (!entry.isObject() || entry.size() != 1) {
                throw ApiError.invalidQuery("Each filter must be an object with exactly one filter name.");
            }
            Map.Entry<String, JsonNode> only = entry.fields().next();
            JsonNode operator = only.getValue().path("operator");
            if (!operator.isTextual()) {
                throw ApiError.invalidQuery("Filter " + only.getKey() + " has no operator.");
            }
            List<String> values = new ArrayList<>();
            JsonNode rawValues = only.getValue().path("values");
            if (rawValues.isArray()) {
                for (Iterator<JsonNode> it = rawValues.elements(); it.hasNext(); ) {
                    values.add(it.next().asText());
                }
            }
            filters.add(new QueryFilter(only.getKey(), operator.asText(), List.copyOf(values)));
        }
        return filters;
    }

    /** All {@code filters} at once (they are conjunctive); {@code null}, no filter sent, matches everything. */
    static <T> Predicate<T> all(List<QueryFilter> filters, Function<QueryFilter, Predicate<T>> matcher) {
        return (filters == null ? List.<QueryFilter>of() : filters).stream().map(matcher)
                .reduce(row -> true, Predicate::and);
    }

    static String toJson(List<QueryFilter> filters) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (QueryFilter filter : filters) {
            var body = array.addObject().putObject(filter.name());
            body.put("operator", filter.operator());
            var values = body.putArray("values");
            filter.values().forEach(values::add);
        }
        return array.toString();
    }

    /** The 400 for a filter name or operator the simulator does not know. */
    ApiError unsupported() {
        return ApiError.invalidQuery("Filters " + name + " with operator '" + operator + "' is not supported.");
    }
}
