package org.xinfang.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.petition.PetitionEvent;

/**
 * Keeps {@code search.petition_text} in step with the petitions: a registered petition is indexed, an
 * issued reply is added. The listeners run after the petition's transaction commits, from Spring
 * Modulith's persisted publications, so a crash in between is made good on restart. At start-up,
 * petitions that are not indexed yet (an installation that had petitions before this module) are
 * indexed in batches.
 */
@Component
@Order(100)
class SearchIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TextSegmentation segmentation;
    private final TransactionTemplate tx;
    private final Clock clock;

    SearchIndex(JdbcClient jdbc, TextSegmentation segmentation, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.segmentation = segmentation;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PetitionEvent.Registered e) {
        index(e.petitionId(), e.number(), e.title(), e.content(), null, e.category(), e.regionCode(), e.receivedAt());
    }

    @ApplicationModuleListener
    void on(PetitionEvent.ReplyIssued e) {
        jdbc.sql("SELECT title, content FROM search.petition_text WHERE petition_id = ?").param(e.petitionId())
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional()
                .ifPresentOrElse(t -> jdbc.sql("""
                        UPDATE search.petition_text SET reply = ?, terms = %s, indexed_at = ? WHERE petition_id = ?"""
                        .formatted(TERMS))
                        .params(e.text(), terms(t[0]), terms(t[1]), terms(e.text()), Timestamp.from(clock.instant()),
                                e.petitionId())
                        .update(), () -> backfill(List.of(e.petitionId())));
    }

    /** The lexemes of title (A), text (B) and reply (C); each parameter is a text[] of words. */
    static final String TERMS = "setweight(array_to_tsvector(?::text[]), 'A') || setweight(array_to_tsvector(?::text[]), 'B')"
            + " || setweight(array_to_tsvector(?::text[]), 'C')";

    void index(UUID id, String number, String title, String content, String reply, String category, String regionCode,
            Instant receivedAt) {
        jdbc.sql("""
                INSERT INTO search.petition_text (petition_id, number, title, content, reply, category, region_code,
                                                  received_at, terms, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, %s, ?)
                ON CONFLICT (petition_id) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content,
                    reply = coalesce(EXCLUDED.reply, search.petition_text.reply), category = EXCLUDED.category,
                    region_code = EXCLUDED.region_code, terms = EXCLUDED.terms, indexed_at = EXCLUDED.indexed_at"""
                .formatted(TERMS))
                .params(id, number, title, content, reply, category, regionCode, Timestamp.from(receivedAt),
                        terms(title), terms(content), terms(reply), Timestamp.from(clock.instant()))
                .update();
    }

    private String[] terms(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        Set<String> terms = segmentation.segmenter().indexTerms(text);
        List<String> kept = new ArrayList<>(terms.size());
        for (String t : terms) {
            // a tsvector lexeme is at most 2 KB; no real word comes near
            if (t.length() <= 100) {
                kept.add(t);
            }
        }
        return kept.toArray(String[]::new);
    }

    @Override
    public void run(ApplicationArguments args) {
        int total = 0;
        while (true) {
            List<UUID> missing = jdbc.sql("""
                    SELECT p.id FROM petition.petition p
                    WHERE NOT EXISTS (SELECT 1 FROM search.petition_text s WHERE s.petition_id = p.id) LIMIT ?""")
                    .param(BATCH).query(UUID.class).list();
            if (missing.isEmpty()) {
                break;
            }
            backfill(missing);
            total += missing.size();
            if (missing.size() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Search index: indexed {} petitions that were not indexed yet", total);
        }
    }

    private void backfill(List<UUID> ids) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                SELECT id, number, title, content, reply_text, category, region_code, received_at
                FROM petition.petition WHERE id = ANY(?)""")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    index(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
                    return null;
                }).list());
    }
}
