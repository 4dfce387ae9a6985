package org.xinfang.statistics;

import java.util.List;

/**
 * A generated report as stored: headed sections of paragraphs and tables, the figures frozen as they were
 * when it was generated, so the printed and exported copies agree with what was circulated.
 */
public record ReportContent(String title, String organ, String periodLabel, String generatedLabel,
        List<Section> sections) {

    /** One section: a heading (一、…), paragraphs, tables. */
    public record Section(String heading, List<String> paragraphs, List<Table> tables) {
    }

    /**
     * One table; the first column names the row.
     *
     * @param links per row, a drill-down link (a path within the workbench) or null; may be empty
     */
    public record Table(String caption, List<String> headers, List<List<String>> rows, List<String> links) {
    }
}
