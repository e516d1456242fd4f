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

/**
 * Converts an ADF table into a GFM table. GFM cells hold one line of inline content, so block content is flattened
 * ({@link CellFlattener}), a colspan becomes empty cells after the spanning one, and a row without header cells
 * first gets an empty header row, because GFM requires one.
 */
final class AdfTableConverter {

    private final AdfBlockConverter blocks;
    private final ConversionWarnings warnings;

    AdfTableConverter(AdfBlockConverter blocks, ConversionWarnings warnings) {
        this.blocks = blocks;
        this.warnings = warnings;
    }

    void append(Node parent, AdfNode table) {
        List<List<AdfNode>> rows = new ArrayList<>();
        for (AdfNode child : table.children()) {
            if (child.type().equals("tableRow")) {
                rows.add(child.children());
            } else {
                warnings.add(child, "'" + child.type() + "' directly in a table; kept as a one-cell row");
                rows.add(List.of(child));
            }
        }
        int columns = rows.stream().mapToInt(this::width).max().orElse(0);
        if (columns == 0) {
            return;
        }
        warnAboutRowspans(table, rows);
        boolean headerRow = rows.get(0).stream().allMatch(cell -> cell.type().equals("tableHeader"));
        TableHead head = new TableHead();
        head.appendChild(headerRow ? row(rows.get(0), columns, true) : row(List.of(), columns, true));
        TableBlock block = new TableBlock();
        block.appendChild(head);
        TableBody body = new TableBody();
        for (List<AdfNode> row : rows.subList(headerRow ? 1 : 0, rows.size())) {
            body.appendChild(row(row, columns, false));
        }
        if (body.getFirstChild() != null) {
            block.appendChild(body);
        }
        parent.appendChild(block);
    }

    private TableRow row(List<AdfNode> cells, int columns, boolean header) {
        TableRow row = new TableRow();
        int filled = 0;
        for (AdfNode cell : cells) {
            row.appendChild(cell(cell, header));
            for (int extra = 1; extra < colspan(cell); extra++) {
                row.appendChild(emptyCell(header));
            }
            filled += colspan(cell);
        }
        for (; filled < columns; filled++) {
            row.appendChild(emptyCell(header));
        }
        return row;
    }

    private TableCell cell(AdfNode adfCell, boolean header) {
        Document content = new Document();
        boolean isCell = adfCell.type().equals("tableCell") || adfCell.type().equals("tableHeader");
        blocks.appendBlocks(content, isCell ? adfCell.children() : List.of(adfCell));
        TableCell cell = emptyCell(header);
        new CellFlattener(cell).flattenCell(content);
        return cell;
    }

    private void warnAboutRowspans(AdfNode table, List<List<AdfNode>> rows) {
        boolean spansRows = rows.stream().flatMap(List::stream).anyMatch(cell -> cell.attrNode("rowspan").asInt(1) > 1);
        if (spansRows) {
            warnings.add(table, "rowspan cannot be expressed in a GFM table; cells below a spanning cell shift left");
        }
    }

    private int width(List<AdfNode> row) {
        return row.stream().mapToInt(AdfTableConverter::colspan).sum();
    }

    private static int colspan(AdfNode cell) {
        return Math.max(1, cell.attrNode("colspan").asInt(1));
    }

    private static TableCell emptyCell(boolean header) {
        TableCell cell = new TableCell();
        cell.setHeader(header);
        return cell;
    }
}
