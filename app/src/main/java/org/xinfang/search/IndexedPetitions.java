package org.xinfang.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionStatus;

/**
 * Candidate retrieval over the search index for the modules that compare petitions (similar cases,
 * repeats, hotspots): every method uses an index (the petitioner, the GIN index of words, the trigram
 * index of titles, the time index) and a limit, so it stays fast with millions of petitions; the
 * caller scores the few candidates. Everything is limited to the user's scope.
 */
@Service
public class IndexedPetitions {

    /** A petition as the index holds it, with the facts comparison needs. */
    public record Text(UUID petitionId, String number, UUID petitionerId, String title, String content, String category,
            String regionCode, Instant receivedAt, PetitionStatus status, long currentUnitId, String unitName) {
    }

    private static final String SELECT = """
            SELECT s.petition_id, s.number, p.petitioner_id, s.title, s.content, s.category, s.region_code,
                   s.received_at, p.status, p.current_unit_id, u.name
            FROM search.petition_text s
            JOIN petition.petition p ON p.id = s.petition_id
            JOIN organization.unit u ON u.id = p.current_unit_id
            """;

    private final JdbcClient jdbc;
    private final PetitionScope scope;

    IndexedPetitions(JdbcClient jdbc, PetitionScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** The indexed petition with this number, if the user may see it. */
    @Transactional(readOnly = true)
    public Optional<Text> find(String number, StaffUser user) {
        List<Object> params = new ArrayList<>(List.of(number));
        params.addAll(List.of(scope.parameters(user)));
        return jdbc.sql(SELECT + " WHERE s.number = ? AND " + PetitionScope.CONDITION).params(params)
                .query((rs, n) -> text(rs)).optional();
    }

    /** The petitioner of a petition the user may see (from the petition itself: the index may lag behind). */
    @Transactional(readOnly = true)
    public Optional<UUID> petitionerOf(String number, StaffUser user) {
        List<Object> params = new ArrayList<>(List.of(number));
        params.addAll(List.of(scope.parameters(user)));
        return jdbc.sql("SELECT p.petitioner_id FROM petition.petition p WHERE p.number = ? AND " + PetitionScope.CONDITION)
                .params(params).query(UUID.class).optional();
    }

    /** The petitioner's other petitions, newest first. */
    @Transactional(readOnly = true)
    public List<Text> ofPetitioner(UUID petitionerId, UUID except, StaffUser user, int limit) {
        List<Object> params = new ArrayList<>(List.of(petitionerId, except == null ? new UUID(0, 0) : except));
        params.addAll(List.of(scope.parameters(user)));
        params.add(limit);
        return jdbc.sql(SELECT + " WHERE p.petitioner_id = ? AND s.petition_id <> ? AND " + PetitionScope.CONDITION
                + " ORDER BY s.received_at DESC LIMIT ?").params(params).query((rs, n) -> text(rs)).list();
    }

    /**
     * Petitions sharing at least two of the given (distinctive) words, or with a title close by
     * trigrams; ranked by the index and cut at {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Text> sharingWords(List<String> words, String title, UUID except, StaffUser user, int limit) {
        List<String> clean = words.stream().map(w -> w.replace("'", "").replace("\\", "").strip())
                .filter(w -> !w.isEmpty()).distinct().toList();
        String pairs = pairs(clean);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE (");
        if (pairs != null) {
            where.append("s.terms @@ ?::tsquery OR ");
            params.add(pairs);
        }
        where.append("s.title % ?) AND s.petition_id <> ? AND ").append(PetitionScope.CONDITION);
        params.add(title == null ? "" : title);
        params.add(except == null ? new UUID(0, 0) : except);
        params.addAll(List.of(scope.parameters(user)));
        List<Object> all = new ArrayList<>();
        all.add(pairs == null ? "" : pairs);
        all.add(title == null ? "" : title);
        all.addAll(params);
        all.add(limit);
        return jdbc.sql("SELECT * FROM (" + SELECT.replace("SELECT s.petition_id",
                "SELECT ts_rank(s.terms, ?::tsquery) + similarity(s.title, ?) AS rank, s.petition_id") + where
                + ") c ORDER BY c.rank DESC LIMIT ?")
                .params(all).query((rs, n) -> text(rs, 1)).list();
    }

    /** The petitions received in a period, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Text> receivedBetween(Instant from, Instant to, StaffUser user, int limit) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        params.addAll(List.of(scope.parameters(user)));
        params.add(limit);
        return jdbc.sql(SELECT + " WHERE s.received_at >= ? AND s.received_at < ? AND " + PetitionScope.CONDITION
                + " ORDER BY s.received_at DESC LIMIT ?").params(params).query((rs, n) -> text(rs)).list();
    }

    /** {@code (a & b) | (a & c) | …}: any two of the words. */
    static String pairs(List<String> words) {
        if (words.size() < 2) {
            return words.isEmpty() ? null : "'" + words.get(0) + "'";
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (int j = i + 1; j < words.size(); j++) {
                clauses.add("('" + words.get(i) + "' & '" + words.get(j) + "')");
            }
        }
        return String.join(" | ", clauses);
    }

    private static Text text(ResultSet rs) throws SQLException {
        return text(rs, 0);
    }

    private static Text text(ResultSet rs, int offset) throws SQLException {
        return new Text(rs.getObject(offset + 1, UUID.class), rs.getString(offset + 2),
                rs.getObject(offset + 3, UUID.class), rs.getString(offset + 4), rs.getString(offset + 5),
                rs.getString(offset + 6), rs.getString(offset + 7), rs.getTimestamp(offset + 8).toInstant(),
                PetitionStatus.valueOf(rs.getString(offset + 9)), rs.getLong(offset + 10), rs.getString(offset + 11));
    }
}
