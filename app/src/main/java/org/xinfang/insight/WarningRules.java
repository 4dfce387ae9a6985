package org.xinfang.insight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.petition.Categories;
import org.xinfang.search.TextSegmentation;
import org.xinfang.shared.ChinaTime;

/**
 * 预警规则: the four rules that raise early warnings, each a named policy over SQL aggregates of the
 * indexed petition tables (never all cases in memory). Each returns candidates; {@link Warnings} turns
 * them into warnings, one per rule, key and overlapping window.
 * <ul>
 * <li>{@link WarningRule#SPIKE}: for every territory (district or county) × first-level category, the new
 * matters (repeats excluded, they have their own rule) of the last 7 days against the 8 weeks before:
 * robust z-score {@code (x − median) / max(1.4826·MAD, 1)}; raised at z ≥ {@value #SPIKE_Z} with at least
 * {@value #SPIKE_MIN} petitions. The floor of 1 keeps a quiet baseline (all weeks 0 or 1) from turning
 * every small week into a spike; nothing is judged unless the platform received petitions in at least
 * {@value #BASELINE_WEEKS_IN_USE} of the 8 baseline weeks (its first weeks of use are no baseline).
 * Yellow from z {@value #SPIKE_Z}, orange from {@value #SPIKE_ORANGE_Z}, red from {@value #SPIKE_RED_Z}.</li>
 * <li>{@link WarningRule#CLUSTER}: the petitions of the last {@value #CLUSTER_DAYS} days clustered by the
 * hotspot rule ({@link HotspotClustering}: same place or group and similar text); raised when at least
 * {@value #CLUSTER_MIN_PEOPLE} different petitioners raise one place or group (a topic without a place or
 * group needs {@value #CLUSTER_MIN_PEOPLE_TOPIC}) — the 苗头 of a 群体性 matter. Orange from 6 petitioners,
 * red from 10.</li>
 * <li>{@link WarningRule#REPEAT_RISE}: repeat petitions of one matter ({@code repeat_of}) in the last
 * {@value #REPEAT_DAYS} days, at least {@value #REPEAT_MIN} and more than in the {@value #REPEAT_DAYS}
 * days before. Orange from 5, red from 8; a skip-level (越级) repeat among them raises one level.</li>
 * <li>{@link WarningRule#COLLECTIVE_VISIT}: a visit (走访) of {@value #VISIT_MIN} or more people in the last 7
 * days — the law asks visitors in number to send at most five representatives (Art.18), so five or more
 * is a group visit to report at once. Orange from 20 people, red from 50.</li>
 * </ul>
 * Key domains (重点领域: 房地产、金融、劳动关系、教育医疗、环境保护, marked {@code key_domain} in the category
 * tree) weigh one level higher.
 */
@Component
class WarningRules {

    static final double SPIKE_Z = 3.5;
    static final double SPIKE_ORANGE_Z = 6;
    static final double SPIKE_RED_Z = 10;
    static final int SPIKE_MIN = 5;
    static final int BASELINE_WEEKS = 8;
    static final int BASELINE_WEEKS_IN_USE = 6;
    static final int CLUSTER_DAYS = 14;
    static final int CLUSTER_MIN_PEOPLE = 3;
    static final int CLUSTER_MIN_PEOPLE_TOPIC = 5;
    static final int REPEAT_DAYS = 30;
    static final int REPEAT_MIN = 3;
    static final int VISIT_MIN = 5;
    static final int MAX_EVIDENCE = 200;
    static final int MAX_CLUSTERED = 5_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    /** What a rule found, before deduplication. */
    record Candidate(WarningRule rule, String key, Instant from, Instant to, WarningLevel level, String title,
            String reason, double score, String regionCode, String category, boolean keyDomain, List<UUID> evidence) {
    }

    private final JdbcClient jdbc;
    private final Categories categories;
    private final TextSegmentation segmentation;
    private final PetitionClassifier classifier;

    WarningRules(JdbcClient jdbc, Categories categories, TextSegmentation segmentation, PetitionClassifier classifier) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.segmentation = segmentation;
        this.classifier = classifier;
    }

    /** All rules' candidates as of {@code now}. */
    List<Candidate> evaluate(Instant now) {
        CategoryTree tree = new CategoryTree(categories.all());
        List<Candidate> all = new ArrayList<>();
        all.addAll(spikes(now, tree));
        all.addAll(clusters(now, tree));
        all.addAll(repeatRises(now, tree));
        all.addAll(collectiveVisits(now, tree));
        return all;
    }

    // ------------------------------------------------------------------ spike

    List<Candidate> spikes(Instant now, CategoryTree tree) {
        Instant start = now.minus(Duration.ofDays(7L * (BASELINE_WEEKS + 1)));
        // The platform must have been in use over the baseline: petitions in at least BASELINE_WEEKS_IN_USE of its
        // weeks. Otherwise the first weeks of use (or of an import) would look like a spike everywhere.
        int weeksInUse = jdbc.sql("""
                SELECT count(DISTINCT floor(extract(epoch FROM (? - received_at)) / 604800)) FROM petition.petition
                WHERE received_at >= ? AND received_at < ?""")
                .params(Timestamp.from(now), Timestamp.from(start), Timestamp.from(now.minus(Duration.ofDays(7))))
                .query(Integer.class).single();
        if (weeksInUse < BASELINE_WEEKS_IN_USE) {
            return List.of();
        }
        record Cell(String territory, String category, int week, int count) {
        }
        List<Cell> cells = jdbc.sql("""
                SELECT left(p.region_code, 6), p.category,
                       floor(extract(epoch FROM (? - p.received_at)) / 604800)::int AS week, count(*)
                FROM petition.petition p
                WHERE p.received_at >= ? AND p.received_at < ? AND p.category IS NOT NULL AND p.repeat_of IS NULL
                GROUP BY 1, 2, 3""")
                .params(Timestamp.from(now), Timestamp.from(start), Timestamp.from(now))
                .query((rs, n) -> new Cell(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
        Map<String, int[]> series = new LinkedHashMap<>();
        Map<String, Boolean> keyDomain = new HashMap<>();
        for (Cell c : cells) {
            String top = tree.topName(c.category());
            String key = c.territory() + "/" + top;
            series.computeIfAbsent(key, k -> new int[BASELINE_WEEKS + 1])[Math.min(c.week(), BASELINE_WEEKS)] += c.count();
            if (c.week() == 0 && tree.isKeyDomain(c.category())) {
                keyDomain.put(key, true);
            }
        }
        List<Candidate> found = new ArrayList<>();
        Instant weekStart = now.minus(Duration.ofDays(7));
        for (Map.Entry<String, int[]> e : series.entrySet()) {
            int[] weeks = e.getValue();
            int x = weeks[0];
            int[] baseline = Arrays.copyOfRange(weeks, 1, weeks.length);
            double z = robustZ(x, baseline);
            if (x < SPIKE_MIN || z < SPIKE_Z) {
                continue;
            }
            String territory = e.getKey().substring(0, e.getKey().indexOf('/'));
            String top = e.getKey().substring(e.getKey().indexOf('/') + 1);
            boolean key = keyDomain.getOrDefault(e.getKey(), false);
            WarningLevel level = z >= SPIKE_RED_Z ? WarningLevel.RED
                    : z >= SPIKE_ORANGE_Z ? WarningLevel.ORANGE : WarningLevel.YELLOW;
            if (key) {
                level = level.raised();
            }
            List<UUID> evidence = jdbc.sql("""
                    SELECT p.id FROM petition.petition p
                    WHERE p.received_at >= ? AND p.received_at < ? AND left(p.region_code, 6) = ? AND p.category = ANY(?)
                      AND p.repeat_of IS NULL
                    ORDER BY p.received_at LIMIT ?""")
                    .params(Timestamp.from(weekStart), Timestamp.from(now), territory,
                            tree.namesUnder(top).toArray(String[]::new), MAX_EVIDENCE)
                    .query(UUID.class).list();
            double median = median(baseline);
            String reason = String.format(Locale.ROOT, "%s至%s新收 %d 件；此前 8 周每周 %s 件，中位数 %s，绝对中位差 %s，"
                    + "稳健 z 值 %.1f（达到 %.1f 且不少于 %d 件即预警）%s", day(weekStart), day(now), x,
                    joined(baseline), plain(median), plain(mad(baseline)), z, SPIKE_Z, SPIKE_MIN,
                    key ? "；属重点领域，等级上调一级" : "");
            found.add(new Candidate(WarningRule.SPIKE, e.getKey(), weekStart, now, level,
                    "{territory}·" + top + "：近7日 " + x + " 件（此前 8 周中位数 " + plain(median) + " 件）", reason,
                    Math.round(z * 10) / 10.0, territory, top, key, evidence));
        }
        return found;
    }

    /** Robust z-score of {@code x} against the baseline: median and MAD, the MAD floored at 1 petition. */
    static double robustZ(int x, int[] baseline) {
        double median = median(baseline);
        double spread = Math.max(1.4826 * mad(baseline), 1.0);
        return (x - median) / spread;
    }

    static double median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static double mad(int[] values) {
        double median = median(values);
        double[] deviations = Arrays.stream(values).mapToDouble(v -> Math.abs(v - median)).sorted().toArray();
        int n = deviations.length;
        return n == 0 ? 0 : n % 2 == 1 ? deviations[n / 2] : (deviations[n / 2 - 1] + deviations[n / 2]) / 2.0;
    }

    // ------------------------------------------------------------------ cluster

    List<Candidate> clusters(Instant now, CategoryTree tree) {
        Instant from = now.minus(Duration.ofDays(CLUSTER_DAYS));
        record Row(UUID id, HotspotClustering.Item item) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT s.petition_id, s.number, p.petitioner_id, s.title, s.content, p.category, p.region_code, s.received_at
                FROM search.petition_text s JOIN petition.petition p ON p.id = s.petition_id
                WHERE s.received_at >= ? AND s.received_at < ?
                ORDER BY s.received_at DESC LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(now), MAX_CLUSTERED)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), new HotspotClustering.Item(rs.getString(2),
                        rs.getObject(3, UUID.class).toString(), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(8).toInstant(), 0, rs.getString(6), rs.getString(7))))
                .list();
        if (rows.size() < CLUSTER_MIN_PEOPLE) {
            return List.of();
        }
        Map<String, UUID> ids = new HashMap<>();
        Map<String, String> storedCategory = new HashMap<>(); // the key domain may sit below the first level (房地产管理)
        List<HotspotClustering.Item> items = rows.parallelStream().map(r -> {
            HotspotClustering.Item i = r.item();
            // the clustering groups a 群体 within a category: a petition not yet categorised gets the suggestion
            String category = i.category() != null ? tree.topName(i.category()) : classifier.categoryOf(i.title(), i.content());
            return new HotspotClustering.Item(i.number(), i.petitioner(), i.title(), i.content(), i.at(), 0, category,
                    i.regionCode());
        }).toList();
        rows.forEach(r -> {
            ids.put(r.item().number(), r.id());
            if (r.item().category() != null) {
                storedCategory.put(r.item().number(), r.item().category());
            }
        });
        var segmenter = segmentation.segmenter();
        HotspotClustering clustering = new HotspotClustering(classifier.similarity(segmenter), new PlacePhrases(segmenter));
        List<Candidate> found = new ArrayList<>();
        for (HotspotClustering.Cluster c : clustering.clusters(items, 100)) {
            boolean named = c.place() != null || c.group() != null;
            if (c.petitioners() < (named ? CLUSTER_MIN_PEOPLE : CLUSTER_MIN_PEOPLE_TOPIC)) {
                continue;
            }
            Map<String, Integer> territories = new HashMap<>();
            boolean key = false;
            for (HotspotClustering.Item i : c.items()) {
                territories.merge(i.regionCode() == null ? "" : i.regionCode().substring(0, Math.min(6, i.regionCode().length())),
                        1, Integer::sum);
                key |= tree.isKeyDomain(storedCategory.getOrDefault(i.number(), i.category()));
            }
            String territory = territories.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("");
            WarningLevel level = c.petitioners() >= 10 ? WarningLevel.RED
                    : c.petitioners() >= 6 ? WarningLevel.ORANGE : WarningLevel.YELLOW;
            if (key) {
                level = level.raised();
            }
            String subjectKey = c.place() != null ? "P:" + c.place()
                    : c.group() != null ? "G:" + c.group() + "/" + c.category() : "T:" + String.join("、", c.keywords());
            String reason = String.format(Locale.ROOT, "%s至%s有 %d 位信访人就同一%s反映相近问题，共 %d 件（其中重复 %d 件），热度 %.1f；"
                    + "同一地点或群体不少于 %d 人（仅话题相近不少于 %d 人）即预警%s", day(c.first()), day(c.last()), c.petitioners(),
                    c.place() != null ? "地点“" + c.place() + "”" : c.group() != null ? "群体“" + c.group() + "”" : "话题",
                    c.items().size(), c.repeats(), c.heat(), CLUSTER_MIN_PEOPLE, CLUSTER_MIN_PEOPLE_TOPIC,
                    key ? "；属重点领域，等级上调一级" : "");
            List<UUID> evidence = c.items().stream().map(i -> ids.get(i.number())).limit(MAX_EVIDENCE).toList();
            found.add(new Candidate(WarningRule.CLUSTER, subjectKey, c.first(), now, level,
                    "{territory}·" + c.title(), reason, c.heat(),
                    territory, c.category(), key, evidence));
        }
        return found;
    }

    // ------------------------------------------------------------------ repeat rise

    List<Candidate> repeatRises(Instant now, CategoryTree tree) {
        Instant recent = now.minus(Duration.ofDays(REPEAT_DAYS));
        Instant before = now.minus(Duration.ofDays(2L * REPEAT_DAYS));
        record Matter(UUID id, String regionCode, String category, String title, int recent, int before, boolean skip) {
        }
        List<Matter> matters = jdbc.sql("""
                SELECT o.id, o.region_code, o.category, o.title, r.recent, r.before, r.skip
                FROM (SELECT p.repeat_of AS id,
                             count(*) FILTER (WHERE p.received_at >= ?) AS recent,
                             count(*) FILTER (WHERE p.received_at < ?) AS before,
                             bool_or(p.skip_level AND p.received_at >= ?) AS skip
                      FROM petition.petition p
                      WHERE p.repeat_of IS NOT NULL AND p.received_at >= ? AND p.received_at < ?
                      GROUP BY p.repeat_of) r
                JOIN petition.petition o ON o.id = r.id
                WHERE r.recent >= ? AND r.recent > r.before""")
                .params(Timestamp.from(recent), Timestamp.from(recent), Timestamp.from(recent), Timestamp.from(before),
                        Timestamp.from(now), REPEAT_MIN)
                .query((rs, n) -> new Matter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7)))
                .list();
        List<Candidate> found = new ArrayList<>();
        for (Matter m : matters) {
            boolean key = tree.isKeyDomain(m.category());
            WarningLevel level = m.recent() >= 8 ? WarningLevel.RED : m.recent() >= 5 ? WarningLevel.ORANGE : WarningLevel.YELLOW;
            if (m.skip()) {
                level = level.raised();
            }
            if (key) {
                level = level.raised();
            }
            List<UUID> evidence = new ArrayList<>();
            evidence.add(m.id());
            evidence.addAll(jdbc.sql("""
                    SELECT id FROM petition.petition WHERE repeat_of = ? AND received_at >= ? AND received_at < ?
                    ORDER BY received_at LIMIT ?""")
                    .params(m.id(), Timestamp.from(recent), Timestamp.from(now), MAX_EVIDENCE - 1).query(UUID.class).list());
            String reason = String.format(Locale.ROOT, "同一事项近 %d 日重复信访 %d 次，此前 %d 日 %d 次（不少于 %d 次且多于此前即预警）%s%s",
                    REPEAT_DAYS, m.recent(), REPEAT_DAYS, m.before(), REPEAT_MIN, m.skip() ? "；其中有越级信访，等级上调一级" : "",
                    key ? "；属重点领域，等级上调一级" : "");
            String territory = m.regionCode().substring(0, Math.min(6, m.regionCode().length()));
            found.add(new Candidate(WarningRule.REPEAT_RISE, m.id().toString(), recent, now, level,
                    "{territory}·重复信访：" + m.title() + "（近" + REPEAT_DAYS + "日 " + m.recent() + " 次）", reason,
                    m.recent(), territory, m.category() == null ? null : tree.topName(m.category()), key, evidence));
        }
        return found;
    }

    // ------------------------------------------------------------------ collective visit

    List<Candidate> collectiveVisits(Instant now, CategoryTree tree) {
        Instant from = now.minus(Duration.ofDays(7));
        record Visit(UUID id, String regionCode, String category, String title, int headcount, Instant at) {
        }
        List<Visit> visits = jdbc.sql("""
                SELECT p.id, p.region_code, p.category, p.title, p.headcount, p.received_at FROM petition.petition p
                WHERE p.received_at >= ? AND p.received_at < ? AND p.channel = 'VISIT' AND p.headcount >= ?
                ORDER BY p.received_at""")
                .params(Timestamp.from(from), Timestamp.from(now), VISIT_MIN)
                .query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant()))
                .list();
        List<Candidate> found = new ArrayList<>();
        for (Visit v : visits) {
            boolean key = tree.isKeyDomain(v.category());
            WarningLevel level = v.headcount() >= 50 ? WarningLevel.RED
                    : v.headcount() >= 20 ? WarningLevel.ORANGE : WarningLevel.YELLOW;
            if (key) {
                level = level.raised();
            }
            String reason = String.format(Locale.ROOT, "%s %d 人集体走访（%d 人及以上即预警，依法应推选不超过 5 名代表）%s",
                    day(v.at()), v.headcount(), VISIT_MIN, key ? "；属重点领域，等级上调一级" : "");
            String territory = v.regionCode().substring(0, Math.min(6, v.regionCode().length()));
            found.add(new Candidate(WarningRule.COLLECTIVE_VISIT, v.id().toString(), v.at(), now, level,
                    "{territory}·集体访：" + v.title() + "（" + v.headcount() + " 人）", reason, v.headcount(), territory,
                    v.category() == null ? null : tree.topName(v.category()), key, List.of(v.id())));
        }
        return found;
    }

    // ------------------------------------------------------------------ helpers

    /** The category tree of one evaluation: first-level names and key domains by the names petitions store. */
    static final class CategoryTree {

        private final Map<String, Categories.Category> byName = new HashMap<>();
        private final Map<String, Categories.Category> byCode = new HashMap<>();

        CategoryTree(List<Categories.Category> all) {
            for (Categories.Category c : all) {
                byName.put(c.name(), c);
                byCode.put(c.code(), c);
            }
        }

        /** The first-level category of a stored name (a name the tree does not know stays itself). */
        String topName(String name) {
            Categories.Category c = byName.get(name);
            while (c != null && c.parentCode() != null && byCode.containsKey(c.parentCode())) {
                c = byCode.get(c.parentCode());
            }
            return c == null ? name : c.name();
        }

        /** Whether the category or one of its parents is a key domain. */
        boolean isKeyDomain(String name) {
            Categories.Category c = name == null ? null : byName.get(name);
            while (c != null) {
                if (c.keyDomain()) {
                    return true;
                }
                c = c.parentCode() == null ? null : byCode.get(c.parentCode());
            }
            return false;
        }

        /** The first-level name and every name below it, for finding a spike's petitions. */
        List<String> namesUnder(String top) {
            List<String> names = new ArrayList<>();
            names.add(top);
            for (Categories.Category c : byName.values()) {
                if (!c.name().equals(top) && topName(c.name()).equals(top)) {
                    names.add(c.name());
                }
            }
            return names;
        }
    }

    private static String day(Instant at) {
        return at.atZone(ChinaTime.ZONE).format(DAY);
    }

    private static String joined(int[] weeks) {
        StringBuilder sb = new StringBuilder();
        for (int i = weeks.length - 1; i >= 0; i--) { // oldest first, as a leader reads a trend
            sb.append(sb.isEmpty() ? "" : "、").append(weeks[i]);
        }
        return sb.toString();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
