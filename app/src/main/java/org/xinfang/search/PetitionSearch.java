package org.xinfang.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RegionCode;

/**
 * 全文检索 over petitions and their replies: the query is segmented like the index, every word must
 * occur (title, text or reply), and titles that are close by trigrams count too (typos, numbers,
 * names segmentation does not know). Results are ranked, highlighted, filtered and — always — limited
 * to what the caller may see ({@link PetitionScope}: a 检举控告 only for its own units).
 */
@Service
public class PetitionSearch {

    /** At most this many characters of query. */
    public static final int MAX_QUERY = 100;
    /** At most this many results per page. */
    public static final int MAX_PAGE_SIZE = 100;

    /**
     * A search; everything but {@code q} may be null.
     *
     * @param regionCode the territory where the problem arose, including the territories below it
     * @param from       received on or after this day (China time)
     * @param to         received on or before this day (China time)
     */
    public record Query(String q, PetitionStatus status, Long unitId, String category, String regionCode,
            LocalDate from, LocalDate to, int page, int size) {
    }

    /**
     * One found petition. {@code title} and {@code snippet} are HTML-escaped with the matched words in
     * {@code <mark>}; {@code snippetFrom} says whether the snippet is from the petition ({@code content})
     * or the reply ({@code reply}).
     */
    public record Hit(String number, String title, String snippet, String snippetFrom, String status,
            String statusLabel, String category, String regionCode, OffsetDateTime receivedAt, long unitId,
            String unitName, double score) {
    }

    /** A page of results with the words that were searched for. */
    public record Results(List<Hit> items, long total, int page, int size, List<String> words) {
    }

    private final JdbcClient jdbc;
    private final PetitionScope scope;
    private final TextSegmentation segmentation;

    PetitionSearch(JdbcClient jdbc, PetitionScope scope, TextSegmentation segmentation) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.segmentation = segmentation;
    }

    /** The petitions the caller may see that match the query, best first. */
    @Transactional(readOnly = true)
    public Results search(Query query, StaffUser user) {
        validate(query);
        Statement st = statement(query, user);
        long[] total = { 0 };
        List<Hit> hits = jdbc.sql(st.page()).params(st.pageParams())
                .query((rs, n) -> {
                    total[0] = rs.getLong(12);
                    return hit(rs, st.highlighter());
                }).list();
        if (hits.isEmpty() && query.page() > 0) {
            // a page past the end: the total still tells the client where the end is
            total[0] = jdbc.sql(st.count()).params(st.countParams()).query(Long.class).single();
        }
        return new Results(hits, total[0], query.page(), query.size(), st.words());
    }

    /** The SQL of a search (the page with the total, and the count alone), kept apart so it can be explained. */
    record Statement(String page, List<Object> pageParams, String count, List<Object> countParams, List<String> words,
            Highlighter highlighter) {
    }

    Statement statement(Query query, StaffUser user) {
        String q = query.q().strip();
        List<String> words = queryWords(q);
        StringBuilder where = new StringBuilder(" WHERE (");
        List<Object> params = new ArrayList<>();
        String tsquery = tsquery(words);
        if (tsquery != null) {
            where.append("s.terms @@ ?::tsquery OR ");
            params.add(tsquery);
        }
        where.append("? <% s.title OR s.number = ?)");
        params.add(q);
        params.add(q);
        where.append(" AND ").append(PetitionScope.CONDITION);
        params.addAll(List.of(scope.parameters(user)));
        if (query.status() != null) {
            where.append(" AND p.status = ?");
            params.add(query.status().name());
        }
        if (query.unitId() != null) {
            where.append(" AND p.current_unit_id = ?");
            params.add(query.unitId());
        }
        if (query.category() != null && !query.category().isBlank()) {
            where.append(" AND s.category = ?");
            params.add(query.category().strip());
        }
        if (query.regionCode() != null && !query.regionCode().isBlank()) {
            where.append(" AND s.region_code LIKE ?");
            params.add(query.regionCode().strip() + "%");
        }
        if (query.from() != null) {
            where.append(" AND s.received_at >= ?");
            params.add(Timestamp.from(query.from().atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (query.to() != null) {
            where.append(" AND s.received_at < ?");
            params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        List<Object> all = new ArrayList<>();
        all.add(tsquery == null ? "" : tsquery);
        all.add(q);
        all.add(q);
        all.addAll(params);
        all.add(query.size());
        all.add((long) query.page() * query.size());
        Highlighter highlighter = new Highlighter(words.isEmpty() ? List.of(q.toLowerCase()) : words);
        // one pass over the matches gives the page and, by the window count, the total. The matches are
        // scored and counted as narrow rows (id, score, date: OFFSET 0 keeps PostgreSQL from folding the
        // scoring into the window's input), and only the page's rows are read in full. Counting the full
        // rows (title, text, reply, words) spilled tens of megabytes to disk for a common pair of words —
        // half the time of the slowest searches with 1,000,000 petitions (SearchLoadBenchmark --profile).
        String page = """
                SELECT s.number, s.title, s.content, s.reply, p.status, s.category, s.region_code, s.received_at,
                       p.current_unit_id, u.name, m.score, m.total
                FROM (SELECT x.petition_id, x.score, x.received_at, count(*) OVER () AS total
                      FROM (SELECT s.petition_id, s.received_at,
                                   ts_rank(s.terms, ?::tsquery, 1) + word_similarity(?, s.title) + (s.number = ?)::int AS score
                            FROM search.petition_text s
                            JOIN petition.petition p ON p.id = s.petition_id
                """ + where + """
                             OFFSET 0) x
                      ORDER BY x.score DESC, x.received_at DESC LIMIT ? OFFSET ?) m
                JOIN search.petition_text s ON s.petition_id = m.petition_id
                JOIN petition.petition p ON p.id = s.petition_id
                JOIN organization.unit u ON u.id = p.current_unit_id
                ORDER BY m.score DESC, m.received_at DESC""";
        String count = "SELECT count(*) FROM search.petition_text s JOIN petition.petition p ON p.id = s.petition_id" + where;
        return new Statement(page, all, count, params, words, highlighter);
    }

    /**
     * The petitions whose title, text or reply hold every word of {@code q} (segmented as the index is),
     * for a work list's search box: a condition the list adds to its own ({@link PetitionQueries.Filter#withTextMatch}),
     * so the list keeps its scope, order, paging and counts. Answered from the word index (GIN), so a
     * two-character word such as 电梯 costs no scan of the texts; unlike {@link #search}, no fuzzy title
     * matches, since a work list must show exactly what was asked for. Text without a word (only
     * punctuation) matches nothing. The index follows new petitions within moments of their commit.
     */
    public PetitionQueries.TextMatch matching(String q) {
        String tsquery = q == null ? null : tsquery(queryWords(q.strip()));
        if (tsquery == null) {
            return new PetitionQueries.TextMatch("SELECT s.petition_id FROM search.petition_text s WHERE FALSE", List.of());
        }
        return new PetitionQueries.TextMatch("SELECT s.petition_id FROM search.petition_text s WHERE s.terms @@ ?::tsquery",
                List.of(tsquery));
    }

    private static void validate(Query query) {
        List<FieldProblem> problems = new ArrayList<>();
        if (query.q() == null || query.q().isBlank()) {
            problems.add(FieldProblem.of("q", "validation.required"));
        } else if (query.q().strip().length() > MAX_QUERY) {
            problems.add(FieldProblem.of("q", "validation.tooLong", MAX_QUERY));
        }
        if (query.regionCode() != null && !query.regionCode().isBlank() && !RegionCode.isWellFormed(query.regionCode().strip())) {
            problems.add(FieldProblem.of("regionCode", "validation.regionCode.format"));
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            problems.add(FieldProblem.of("to", "search.validation.toBeforeFrom"));
        }
        if (query.page() < 0) {
            problems.add(FieldProblem.of("page", "search.validation.page"));
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            problems.add(FieldProblem.of("size", "search.validation.size", MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The query's words as the index has them; punctuation and lone symbols dropped. */
    List<String> queryWords(String q) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : segmentation.segmenter().words(q)) {
            String clean = w.replace("'", "").replace("\\", "").strip();
            if (!clean.isEmpty() && clean.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(clean);
            }
        }
        return List.copyOf(words);
    }

    /** Every word must occur: {@code 'w1' & 'w2'} as tsquery literals (no parser between us and the index). */
    static String tsquery(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(" & ");
            }
            sb.append('\'').append(w).append('\'');
        }
        return sb.toString();
    }

    private static Hit hit(ResultSet rs, Highlighter h) throws SQLException {
        String content = rs.getString(3);
        String reply = rs.getString(4);
        // the snippet comes from whichever text holds more of the searched words, the petition on a tie
        boolean fromReply = reply != null && h.matches(reply) > h.matches(content);
        String snippet = fromReply ? h.snippet(reply) : h.snippet(content);
        String from = fromReply ? "reply" : "content";
        if (snippet == null) {
            String start = content.length() > Highlighter.SNIPPET_CHARS
                    ? content.substring(0, Highlighter.SNIPPET_CHARS) + "…" : content;
            snippet = h.mark(start);
            from = "content";
        }
        PetitionStatus status = PetitionStatus.valueOf(rs.getString(5));
        return new Hit(rs.getString(1), h.mark(rs.getString(2)), snippet, from, status.name(), status.label(),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime(),
                rs.getLong(9), rs.getString(10), Math.round(rs.getDouble(11) * 1000) / 1000.0);
    }
}
