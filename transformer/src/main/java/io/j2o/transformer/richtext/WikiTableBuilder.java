package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Collects consecutive wiki table rows ({@code ||heading||heading||}, {@code |cell|cell|}) and turns them into a GFM
 * table. GFM needs a header row, so a table whose first row is not all headings gets an empty one; short rows are
 * padded with empty cells.
 */
final class WikiTableBuilder {

    private final String text;
    private final WikiInlineParser inlines;
    private final List<List<Cell>> rows = new ArrayList<>();

    WikiTableBuilder(String text, WikiInlineParser inlines) {
        this.text = text;
        this.inlines = inlines;
    }

    /** Adds the row {@code text[start, end)}, which starts with a pipe and ends without trailing whitespace. */
    void addRow(int start, int end) {
        List<Cell> cells = new ArrayList<>();
        int i = start;
        while (i < end) {
            boolean header = i + 1 < end && text.charAt(i + 1) == '|';
            int contentStart = i + (header ? 2 : 1);
            int next = nextSeparator(contentStart, end);
            // The pipe that closes the row opens no cell.
            if (next < end || !text.substring(contentStart, end).isBlank()) {
                cells.add(new Cell(header, contentStart, next));
            }
            i = next;
        }
        rows.add(cells);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void flushInto(Node parent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        if (columns > 0) {
            boolean headerRow = !rows.get(0).isEmpty() && rows.get(0).stream().allMatch(Cell::header);
            TableBlock table = new TableBlock();
            TableHead head = new TableHead();
            head.appendChild(row(headerRow ? rows.get(0) : List.of(), columns, true));
            table.appendChild(head);
            TableBody body = new TableBody();
            for (List<Cell> row : rows.subList(headerRow ? 1 : 0, rows.size())) {
                body.appendChild(row(row, columns, false));
            }
            if (body.getFirstChild() != null) {
                table.appendChild(body);
            }
            parent.appendChild(table);
        }
        rows.clear();
    }

    /** The next cell separator, skipping pipes inside links, monospace, images and after a backslash. */
    private int nextSeparator(int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '|') {
                return i;
            }
            int skipTo = switch (c) {
                case '\\' -> i + 2;
                case '[' -> text.indexOf(']', i) + 1;
                case '!' -> opensImage(i, end) ? text.indexOf('!', i + 1) + 1 : i + 1;
                case '{' -> text.startsWith("{{", i) ? text.indexOf("}}", i) + 2 : i + 1;
                default -> i + 1;
            };
            // A bracket or mark without its partner on this line is text; step over it alone.
            i = skipTo > i && skipTo <= end ? skipTo : i + 1;
        }
        return end;
    }

    /** Like an image in running text: "Wow!" is not one. */
    private boolean opensImage(int i, int end) {
        return (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) && i + 1 < end
                && !Character.isWhitespace(text.charAt(i + 1));
    }

    private TableRow row(List<Cell> cells, int columns, boolean header) {
        TableRow row = new TableRow();
        for (int column = 0; column < columns; column++) {
            TableCell cell = new TableCell();
            cell.setHeader(header);
            if (column < cells.size()) {
                Paragraph paragraph = new Paragraph();
                inlines.append(paragraph, cells.get(column).start(), cells.get(column).end(), true);
                Document content = new Document();
                content.appendChild(paragraph);
                new CellFlattener(cell).flattenCell(content);
            }
            row.appendChild(cell);
        }
        return row;
    }

    private record Cell(boolean header, int start, int end) {
    }
}
