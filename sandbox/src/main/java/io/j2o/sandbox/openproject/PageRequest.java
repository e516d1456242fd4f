package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Offset pagination as {@code OffsetPaginatedCollection} does it: {@code offset} is a 1-based page number. */
record PageRequest(int offset, int pageSize) {

    /** Defaults: 30 for work-package collections, 20 for index collections; larger sizes are capped, -1 = max. */
    static PageRequest from(String offsetParam, String pageSizeParam, int defaultSize, int maxSize) {
        int offset = Math.max(1, parseOr(offsetParam, 1));
        int requested = parseOr(pageSizeParam, defaultSize);
        int size;
        if (requested == -1) {
            size = maxSize;
        } else if (requested < 0) {
            size = defaultSize;
        } else {
            size = Math.min(requested, maxSize);
        }
        return new PageRequest(offset, size);
    }

    private static int parseOr(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (offset - 1) * pageSize;
        if (pageSize == 0 || from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
    }

    /** Renders a paginated collection with the self/jumpTo/changeSize/next/previous links. */
    ObjectNode render(String collectionType, String path, List<QueryFilter> filters, List<ObjectNode> all) {
        List<ObjectNode> page = slice(all);
        ObjectNode node = Hal.object();
        node.put("_type", collectionType);
        node.put("total", all.size());
        node.put("count", page.size());
        node.put("pageSize", pageSize);
        node.put("offset", offset);
        var elements = node.putObject("_embedded").putArray("elements");
        page.forEach(elements::add);
        String base = path + "?filters=" + URLEncoder.encode(QueryFilter.toJson(filters), StandardCharsets.UTF_8);
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", base + "&offset=" + offset + "&pageSize=" + pageSize);
        Hal.link(links, "jumpTo", base + "&offset=%7Boffset%7D&pageSize=" + pageSize).put("templated", true);
        Hal.link(links, "changeSize", base + "&offset=" + offset + "&pageSize=%7Bsize%7D").put("templated", true);
        if (pageSize > 0 && (long) offset * pageSize < all.size()) {
            Hal.link(links, "nextByOffset", base + "&offset=" + (offset + 1) + "&pageSize=" + pageSize);
        }
        if (offset > 1) {
            Hal.link(links, "previousByOffset", base + "&offset=" + (offset - 1) + "&pageSize=" + pageSize);
        }
        return node;
    }

    /** Unpaginated collections (types, statuses, activities…): {@code total == count}, no paging fields. */
    static ObjectNode unpaginated(String self, List<ObjectNode> all) {
        ObjectNode node = Hal.object();
        node.put("_type", "Collection");
        node.put("total", all.size());
        node.put("count", all.size());
        var elements = node.putObject("_embedded").putArray("elements");
        all.forEach(elements::add);
        Hal.link(node.putObject("_links"), "self", self);
        return node;
    }
}
