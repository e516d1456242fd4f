package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;

/**
 * Collects consecutive wiki list lines ({@code *}, {@code -}, {@code #}, nested as {@code **}, {@code #*}, …) and
 * turns them into nested Markdown lists. A marker of another kind at some depth starts a new list there; a line
 * deeper than the one before hangs under an empty item when there is no item to hang under.
 */
final class WikiListBuilder {

    private final WikiInlineParser inlines;
    private final List<Item> items = new ArrayList<>();

    WikiListBuilder(WikiInlineParser inlines) {
        this.inlines = inlines;
    }

    /** The markers ({@code *}, {@code -} or {@code #} runs) that open a list line, or null when it is none. */
    static String markers(String text, int start, int lineEnd) {
        int i = start;
        while (i < lineEnd && (text.charAt(i) == '*' || text.charAt(i) == '#' || text.charAt(i) == '-')) {
            i++;
        }
        String markers = text.substring(start, i);
        boolean dashOnlyAlone = markers.indexOf('-') < 0 || markers.equals("-");
        boolean followedBySpace = i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t');
        return !markers.isEmpty() && dashOnlyAlone && followedBySpace ? markers : null;
    }

    void add(String markers, int contentStart, int contentEnd) {
        items.add(new Item(markers, contentStart, contentEnd));
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    void flushInto(Node parent) {
        List<ListBlock> open = new ArrayList<>();
        for (Item item : items) {
            int depth = item.markers().length();
            int kept = 0;
            while (kept < open.size() && kept < depth && isOrdered(open.get(kept)) == (item.markers().charAt(kept) == '#')) {
                kept++;
            }
            open.subList(kept, open.size()).clear();
            while (open.size() < depth) {
                ListBlock list = newList(item.markers().charAt(open.size()));
                if (open.isEmpty()) {
                    parent.appendChild(list);
                } else {
                    lastItem(open.get(open.size() - 1)).appendChild(list);
                }
                open.add(list);
            }
            ListItem listItem = new ListItem();
            Paragraph paragraph = new Paragraph();
            inlines.append(paragraph, item.contentStart(), item.contentEnd(), true);
            if (paragraph.getFirstChild() != null) {
                listItem.appendChild(paragraph);
            }
            open.get(depth - 1).appendChild(listItem);
        }
        items.clear();
    }

    private static ListItem lastItem(ListBlock list) {
        if (list.getLastChild() instanceof ListItem item) {
            return item;
        }
        ListItem empty = new ListItem();
        list.appendChild(empty);
        return empty;
    }

    private static boolean isOrdered(ListBlock list) {
        return list instanceof OrderedList;
    }

    private static ListBlock newList(char marker) {
        ListBlock list;
        if (marker == '#') {
            OrderedList ordered = new OrderedList();
            ordered.setMarkerStartNumber(1);
            ordered.setMarkerDelimiter(".");
            list = ordered;
        } else {
            BulletList bullets = new BulletList();
            bullets.setMarker("-");
            list = bullets;
        }
        // One paragraph per item plus nested lists, each starting at 1: tight lists read back the same.
        list.setTight(true);
        return list;
    }

    private record Item(String markers, int contentStart, int contentEnd) {
    }
}
