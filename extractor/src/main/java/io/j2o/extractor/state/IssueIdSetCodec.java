package io.j2o.extractor.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a set of Jira issue ids small enough for one state record: numeric ids sorted and written as base-36
 * differences ({@code "7ps,1,1,3"}), so 100,000 ids of a project take about 200 KB instead of 800 KB; ids that are
 * not numbers (captured payloads) are listed as they are.
 */
final class IssueIdSetCodec {

    private IssueIdSetCodec() {
    }

    /** The numeric ids as base-36 differences, and the others verbatim. */
    record Encoded(String numeric, List<String> others) {
    }

    static Encoded encode(Set<String> ids) {
        List<Long> numbers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String id : ids) {
            if (id.matches("[0-9]{1,18}") && !(id.length() > 1 && id.startsWith("0"))) {
                numbers.add(Long.parseLong(id));
            } else {
                others.add(id);
            }
        }
        numbers.sort(null);
        others.sort(null);
        StringBuilder numeric = new StringBuilder();
        long previous = 0;
        for (long number : numbers) {
            if (numeric.length() > 0) {
                numeric.append(',');
            }
            numeric.append(Long.toString(number - previous, 36));
            previous = number;
        }
        return new Encoded(numeric.toString(), others);
    }

    static Set<String> decode(Encoded encoded) {
        Set<String> ids = new HashSet<>(encoded.others());
        if (!encoded.numeric().isEmpty()) {
            long value = 0;
            for (String difference : encoded.numeric().split(",")) {
                value += Long.parseLong(difference, 36);
                ids.add(Long.toString(value));
            }
        }
        return ids;
    }
}
