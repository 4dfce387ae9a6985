package org.xinfang.document;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a document template. {@code unitId} null is the default of the kind.
 *
 * @param organName the letterhead name, or null for the issuing unit's own name
 * @param docCode   the 机关代字 of the 文号, or null for one derived from the unit
 * @param blocks    addressee, body, rows, closing, footnote: texts with placeholders
 */
record Template(long id, DocumentKind kind, Long unitId, int version, String organName, String docCode, String title,
        Map<String, String> blocks, byte[] seal, String createdBy, Instant createdAt, String note) {

    String block(String name) {
        return blocks.getOrDefault(name, "");
    }
}
