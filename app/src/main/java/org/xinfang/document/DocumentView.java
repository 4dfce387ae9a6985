package org.xinfang.document;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored document of a petition, without its content.
 *
 * @param docNumber       the 文号, or null for forms that carry only the 信访件编号
 * @param templateVersion the version of the template it was made from
 * @param pdfBytes        size of the PDF file
 * @param docxBytes       size of the DOCX file
 */
public record DocumentView(UUID id, String petitionNumber, String kind, String kindLabel, String docNumber,
        String title, String issuingUnit, int templateVersion, OffsetDateTime createdAt, String createdBy,
        boolean addressedToPetitioner, long pdfBytes, long docxBytes) {
}
