package org.xinfang.insight;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.search.ChineseSegmenter;
import org.xinfang.search.TextSegmentation;
import org.xinfang.shared.ChinaTime;

/**
 * The early-warning replay: real public messages ({@code messages_with_votes.jsonl}) become petitions
 * over their original timestamps, written in bulk in the shape the lifecycle writes (petition, access,
 * timeline, search index), and the rules run week by week, each Monday 00:00 as "now". Everything happens in
 * one transaction that is rolled back at the end, so the replay leaves no trace in the database it runs on.
 * <p>
 * How the messages are mapped: each message is an online petition (网上信访, 申诉求决) received by the city
 * 信访局; its author is the petitioner; a message whose author posted a near-identical title before is a
 * repeat (重复信访) of that earlier one, as the lifecycle's same-matter check would mark it; the category is
 * the classifier's; the anonymised districts of the board (A1区, A2区 … as 1, 2 …) are spread over the demo
 * city's districts and counties in turn, a message naming none belongs to the city itself.
 */
@Component
class WarningReplay {

    /** What the replay produced. */
    record Result(int petitions, int repeats, int weeks, Map<WarningRule, Integer> byRule, List<WarningView> top,
            List<WarningView> topClusters, Duration took) {
    }

    private static final Pattern DISTRICT = Pattern.compile("A(\\d{1,2})[区县]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Warnings warnings;
    private final Units units;
    private final TextSegmentation segmentation;
    private final PetitionClassifier classifier;
    private final PersonalDataCipher cipher;

    WarningReplay(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Warnings warnings, Units units,
            TextSegmentation segmentation, PetitionClassifier classifier, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.warnings = warnings;
        this.units = units;
        this.segmentation = segmentation;
        this.classifier = classifier;
        this.cipher = cipher;
    }

    /** Replays the file, evaluates week by week, returns the {@code top} warnings (most urgent, most evidence), then rolls back. */
    Result run(Path file, int top, PrintStream progress) throws IOException {
        List<DataFiles.Post> posts = new ArrayList<>(DataFiles.posts(file).stream()
                .filter(p -> !p.at().equals(Instant.EPOCH)).toList());
        posts.sort(Comparator.comparing(DataFiles.Post::at).thenComparing(DataFiles.Post::id));
        long start = System.nanoTime();
        return tx.execute(status -> {
            status.setRollbackOnly(); // a replay, never data
            long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM insight.warning").query(Long.class).single();
            int repeats = insert(posts);
            progress.printf(Locale.ROOT, "replayed %d messages as petitions (%d repeats of an earlier matter)%n",
                    posts.size(), repeats);
            LocalDate first = posts.get(0).at().atZone(ChinaTime.ZONE).toLocalDate()
                    .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            LocalDate last = posts.get(posts.size() - 1).at().atZone(ChinaTime.ZONE).toLocalDate()
                    .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            int weeks = 0;
            for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
                warnings.evaluateAt(monday.atStartOfDay(ChinaTime.ZONE).toInstant());
                weeks++;
            }
            Map<WarningRule, Integer> byRule = new EnumMap<>(WarningRule.class);
            jdbc.sql("SELECT rule, count(*) FROM insight.warning WHERE id > ? GROUP BY rule").param(before)
                    .query((rs, n) -> byRule.put(WarningRule.valueOf(rs.getString(1)), rs.getInt(2))).list();
            StaffUser reader = reader();
            List<WarningView> found = top(before, null, top, reader);
            List<WarningView> clusters = top(before, WarningRule.CLUSTER, top, reader);
            return new Result(posts.size(), repeats, weeks, byRule, found, clusters,
                    Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /** The most urgent warnings raised after {@code before}, then those with the most evidence. */
    private List<WarningView> top(long before, WarningRule rule, int top, StaffUser reader) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM insight.warning WHERE id > ? AND (? = '' OR rule = ?)
                ORDER BY CASE level WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 ELSE 2 END, cardinality(evidence) DESC, id
                LIMIT ?""").params(before, rule == null ? "" : rule.name(), rule == null ? "" : rule.name(), top)
                .query(Long.class).list();
        List<WarningView> found = new ArrayList<>();
        for (long id : ids) {
            found.add(warnings.get(id, reader));
        }
        return found;
    }

    /** Prints what the replay produced: counts by rule and the top warnings with their evidence counts. */
    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "early-warning replay: %d petitions (%d repeats), %d weekly evaluations, %.1f s%n",
                r.petitions(), r.repeats(), r.weeks(), r.took().toMillis() / 1000.0);
        out.println("warnings raised by rule: " + r.byRule());
        out.println("top " + r.top().size() + " warnings (most urgent level first, then most evidence):");
        print(r.top(), out);
        out.println("top " + r.topClusters().size() + " place/topic cluster warnings:");
        print(r.topClusters(), out);
    }

    private static void print(List<WarningView> warnings, PrintStream out) {
        int i = 1;
        for (WarningView w : warnings) {
            out.printf(Locale.ROOT, "%2d. [%s] %s | %s | evidence %d petitions | %s to %s%n", i++, w.level().label(),
                    w.rule().label(), w.title(), w.evidenceCount(), w.windowFrom().toLocalDate(), w.windowTo().toLocalDate());
        }
    }

    /** The city 信访局's view: the whole installation, as the replay's reader. */
    private StaffUser reader() {
        Unit top = units.territories().get(0);
        return new StaffUser(0, "replay", "预警回放", top.id(), top.name(), Set.of(Role.SUPERVISOR),
                DataScope.TERRITORY_AND_BELOW);
    }

    private int insert(List<DataFiles.Post> posts) {
        List<Unit> territories = units.territories();
        Unit city = territories.get(0);
        List<String> districts = territories.stream().filter(t -> t.regionCode() != null && t.regionCode().length() == 6
                && !t.regionCode().equals(city.regionCode())).map(Unit::regionCode).toList();
        Unit bureau = units.unitServing(city, org.xinfang.organization.UnitKind.PETITION_BUREAU, null)
                .or(() -> units.findByCode(city.regionCode() + "-XFJ")).orElse(city);
        ChineseSegmenter segmenter = segmentation.segmenter();
        SecureRandom random = new SecureRandom();
        Map<String, List<Integer>> byUser = new HashMap<>();
        List<String> titles = posts.stream().map(p -> RepeatMeasurement.normalTitle(p.title())).toList();
        List<Object[]> petitions = new ArrayList<>();
        List<Object[]> access = new ArrayList<>();
        List<Object[]> timeline = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        UUID[] ids = new UUID[posts.size()];
        int repeats = 0;
        List<String> categories = posts.parallelStream().map(p -> classifier.categoryOf(p.title(), p.detail())).toList();
        List<String[][]> terms = posts.parallelStream().map(p -> new String[][] { terms(segmenter, p.title()),
                terms(segmenter, p.detail()) }).toList();
        for (int i = 0; i < posts.size(); i++) {
            DataFiles.Post p = posts.get(i);
            ids[i] = UUID.randomUUID();
            UUID repeatOf = null;
            List<Integer> earlier = byUser.computeIfAbsent(p.user(), k -> new ArrayList<>());
            for (int j : earlier) {
                if (!p.user().isEmpty() && RepeatMeasurement.nearIdentical(titles.get(i), titles.get(j))) {
                    repeatOf = ids[j];
                    break;
                }
            }
            earlier.add(i);
            if (repeatOf != null) {
                repeats++;
            }
            String region = region(p.title() + " " + p.detail(), districts, city.regionCode());
            String number = city.regionCode() + "-" + p.at().atZone(ChinaTime.ZONE).format(DAY) + "-R" + p.id();
            Timestamp at = Timestamp.from(p.at());
            String code = Long.toString(Math.abs(random.nextLong()), 36);
            String status = repeatOf == null ? "REGISTERED" : "DUPLICATE";
            UUID petitioner = UUID.nameUUIDFromBytes(("replay:" + p.user()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            petitions.add(new Object[] { ids[i], number, cipher.encrypt(code, Field.OTHER), categories.get(i), region,
                    p.title(), p.detail(), petitioner, status, at, at, bureau.id(), bureau.id(), repeatOf, repeatOf == null,
                    at });
            access.add(new Object[] { ids[i], bureau.id() });
            timeline.add(new Object[] { ids[i], at, bureau.id(), (repeatOf == null ? "网上信访登记" : "重复信访：并入原件办理") });
            texts.add(new Object[] { ids[i], number, p.title(), p.detail(), categories.get(i), region, at,
                    terms.get(i)[0], terms.get(i)[1], new String[0], at });
        }
        template.batchUpdate("""
                INSERT INTO petition.petition (id, number, query_code_enc, channel, type, category, region_code, title, content,
                    petitioner_id, headcount, status, received_at, registered_at, registered_by, receiving_unit_id,
                    current_unit_id, repeat_of, first_time, public_allowed, updated_at)
                VALUES (?, ?, ?, 'ONLINE', 'APPEAL', ?, ?, ?, ?, ?, 1, ?, ?, ?, 'replay', ?, ?, ?, ?, TRUE, ?)""", petitions);
        template.batchUpdate("INSERT INTO petition.access (petition_id, unit_id) VALUES (?, ?)", access);
        template.batchUpdate("""
                INSERT INTO petition.timeline (petition_id, at, event, actor, unit_id, note, public)
                VALUES (?, ?, 'REGISTERED', 'replay', ?, ?, TRUE)""", timeline);
        template.batchUpdate("""
                INSERT INTO search.petition_text (petition_id, number, title, content, category, region_code, received_at,
                    terms, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, setweight(array_to_tsvector(?::text[]), 'A')
                    || setweight(array_to_tsvector(?::text[]), 'B') || setweight(array_to_tsvector(?::text[]), 'C'), ?)""",
                texts);
        return repeats;
    }

    private static String[] terms(ChineseSegmenter segmenter, String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return segmenter.indexTerms(text).stream().filter(t -> t.length() <= 100).toArray(String[]::new);
    }

    /** The board's anonymised district (A3区 → the third of the demo city's districts, in turn), else the city. */
    static String region(String text, List<String> districts, String city) {
        Matcher m = DISTRICT.matcher(text);
        if (m.find() && !districts.isEmpty()) {
            int n = Integer.parseInt(m.group(1));
            return districts.get(Math.floorMod(n - 1, districts.size()));
        }
        return city;
    }
}
