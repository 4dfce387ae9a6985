package org.xinfang.insight;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One early warning as staff see it.
 *
 * @param title         what it is about, e.g. {@code 东湖区·劳动和社会保障：近7日 12 件}
 * @param reason        the figures that raised it and the thresholds, in words
 * @param score         the rule's measure (robust z-score, heat index, repeat count, headcount)
 * @param regionCode    the territory it concerns (GB/T 2260, 6 digits for a district or county)
 * @param keyDomain     whether it lies in a key domain (重点领域) and was weighed one level higher
 * @param ownerUnitId   the unit responsible: the government of that territory (属地管理)
 * @param evidenceCount how many petitions support it
 * @param evidence      the petitions the viewer may see, oldest first (only in the detail, else empty)
 */
public record WarningView(long id, WarningRule rule, WarningLevel level, String title, String reason, double score,
        String regionCode, String territoryName, String category, boolean keyDomain, long ownerUnitId,
        String ownerUnitName, int evidenceCount, WarningStatus status, OffsetDateTime windowFrom,
        OffsetDateTime windowTo, OffsetDateTime raisedAt, OffsetDateTime updatedAt, String acknowledgedBy,
        OffsetDateTime acknowledgedAt, String acknowledgeNote, String handledBy, OffsetDateTime handledAt,
        String handleNote, List<Evidence> evidence) {

    /** A petition behind a warning; the link goes to its case page, which checks the viewer's scope again. */
    public record Evidence(String number, String title, String channel, int headcount, String category,
            OffsetDateTime receivedAt, String statusLabel, boolean repeat) {
    }
}
