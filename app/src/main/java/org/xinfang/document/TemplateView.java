package org.xinfang.document;

import java.time.OffsetDateTime;
import java.util.Map;

/** One version of a document template as administrators see it (the seal image itself is not included). */
public record TemplateView(long id, String kind, String kindLabel, Long unitId, String unitName, int version,
        String organName, String docCode, String title, Map<String, String> blocks, boolean hasSeal, String createdBy,
        OffsetDateTime createdAt, String note) {
}
