package org.xinfang.search;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;


import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.bench.data.BenchDatabase;

/**
 * Search at scale: starts Xinfang on the generated database of {@link BenchDatabase}
 * ({@code bench/target/data-<N>}, default 1,000,000 petitions, generated on first use and kept), then
 * sends {@code --queries Q} two-word Chinese searches over HTTP as the city clerk and prints
 * p50/p95/p99. The query words are drawn from the shipped classifier's vocabulary with a Zipf
 * distribution, so some words are common and most rare, as in real queries.
 *
 * <pre>./mvnw -q -pl bench -am -DskipTests -Psearch verify -Dsearch.args="--petitions 1000000 --queries 500"</pre>
 */
public final class SearchLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int petitions = intOption(args, "--petitions", 1_000_000);
        int queries = intOption(args, "--queries", 500);
        try (BenchDatabase db = BenchDatabase.open(petitions)) {
            JdbcClient jdbc = db.jdbc();
            List<String> words = vocabulary();
            long total = jdbc.sql("SELECT count(*) FROM search.petition_text").query(Long.class).single();
            if (!java.util.Arrays.asList(args).contains("--cold")) {
                prewarm(jdbc);
            }
            run(db.port(), words, queries, total);
            if (java.util.Arrays.asList(args).contains("--explain")) {
                explain(jdbc, words);
            }
            if (java.util.Arrays.asList(args).contains("--profile")) {
                profile(db.app(), jdbc, words, queries);
            }
        }
        System.exit(0);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    /**
     * A node that has been serving searches has the search relations in memory; a database just copied or
     * started has not, and its first pass over them measures the disk instead. pg_prewarm (PostgreSQL's own
     * contrib module) reads them into PostgreSQL's page cache first ({@code --cold} skips this).
     */
    private static void prewarm(JdbcClient jdbc) {
        long t0 = System.nanoTime();
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_prewarm").update();
        List<String> relations = List.of("search.petition_text", "search.petition_text_terms_idx",
                "search.petition_text_title_trgm_idx", "search.petition_text_pkey", "search.petition_text_number_idx",
                "petition.search_petition_scope_idx", "petition.access_unit_idx");
        long bytes = 0;
        for (String relation : relations) {
            jdbc.sql("SELECT pg_prewarm(?::regclass)").param(relation).query(Long.class).single();
            bytes += jdbc.sql("SELECT pg_relation_size(?::regclass)").param(relation).query(Long.class).single();
        }
        String toast = jdbc.sql("SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'search.petition_text'::regclass")
                .query(String.class).single();
        jdbc.sql("SELECT pg_prewarm(?::regclass)").param(toast).query(Long.class).single();
        bytes += jdbc.sql("SELECT pg_relation_size(?::regclass)").param(toast).query(Long.class).single();
        System.out.printf(Locale.ROOT, "prewarmed %s and its toast (%,d MB) in %.1f s; shared_buffers %s%n", relations,
                bytes >> 20, (System.nanoTime() - t0) / 1e9, jdbc.sql("SHOW shared_buffers").query(String.class).single());
    }

    /** The Chinese words (two characters or more) of the shipped model's vocabulary, in a fixed order. */
    static List<String> vocabulary() throws IOException {
        List<String> words = new ArrayList<>();
        try (InputStream in = SearchLoadBenchmark.class.getClassLoader().getResourceAsStream("insight/petition-classifier.zip");
                ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("vocabulary.tsv")) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String term = line.substring(0, line.lastIndexOf('\t'));
                        if (term.startsWith("w:") && term.length() >= 4
                                && term.substring(2).codePoints().allMatch(Character::isIdeographic)) {
                            words.add(term.substring(2));
                        }
                    }
                }
            }
        }
        words.sort(null);
        return words;
    }

    /** A Zipf-like pick: word k with probability about 1/(k+10). */
    static String pick(List<String> words, Random r) {
        double u = r.nextDouble();
        int n = words.size();
        int k = (int) Math.floor((n + 10) * Math.pow(u, 2.2)) ; // skewed to the front
        return words.get(Math.min(n - 1, Math.max(0, k)));
    }

    /** The plan of the search's count and page queries for one two-word query (as PetitionSearch builds them). */
    private static void explain(JdbcClient jdbc, List<String> words) {
        Random r = new Random(7);
        String a = pick(words, r);
        String b = pick(words, r);
        String ts = "'" + a + "' & '" + b + "'";
        String q = a + " " + b;
        Long[] units = jdbc.sql("SELECT id FROM organization.unit").query(Long.class).list().toArray(Long[]::new);
        long own = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
        String where = " WHERE (s.terms @@ ?::tsquery OR ? <% s.title OR s.number = ?) AND EXISTS (SELECT 1 FROM petition.access a"
                + " WHERE a.petition_id = p.id AND (CASE WHEN p.confidential THEN a.unit_id = ? ELSE a.unit_id = ANY(?) END))";
        for (String sql : List.of("EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM search.petition_text s JOIN petition.petition p ON p.id = s.petition_id" + where)) {
            System.out.println("query: " + q);
            jdbc.sql(sql).params(ts, q, q, own, units).query(String.class).list().forEach(System.out::println);
        }
    }

    /** The queries {@link #run} sends, in order, warm-up first. */
    private static List<String> queryTexts(List<String> words, int queries) {
        Random r = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = -50; i < queries; i++) {
            texts.add(pick(words, r) + " " + pick(words, r));
        }
        return texts;
    }

    /**
     * Where the time goes: the same queries once more in-process through {@link PetitionSearch} (no HTTP,
     * no security, no JSON) and their page statement alone over JDBC (the SQL-only time), then the
     * plans of the slowest statements with EXPLAIN (ANALYZE, BUFFERS).
     */
    private static void profile(ConfigurableApplicationContext app, JdbcClient jdbc, List<String> words, int queries) {
        PetitionSearch search = app.getBean(PetitionSearch.class);
        org.xinfang.organization.StaffUser clerk = jdbc.sql("""
                SELECT u.id, u.display_name, u.unit_id, n.name, u.data_scope
                FROM organization.staff_user u JOIN organization.unit n ON n.id = u.unit_id WHERE u.username = 'clerk'""")
                .query((rs, n) -> new org.xinfang.organization.StaffUser(rs.getLong(1), "clerk", rs.getString(2), rs.getLong(3),
                        rs.getString(4), java.util.Set.of(org.xinfang.organization.Role.CLERK),
                        org.xinfang.organization.DataScope.valueOf(rs.getString(5))))
                .single();
        List<String> texts = queryTexts(words, queries);
        long[] service = new long[queries];
        long[] sql = new long[queries];
        long[] totals = new long[queries];
        for (int i = 0; i < texts.size(); i++) {
            PetitionSearch.Query query = new PetitionSearch.Query(texts.get(i), null, null, null, null, null, null, 0, 20);
            long t0 = System.nanoTime();
            PetitionSearch.Results results = search.search(query, clerk);
            long t1 = System.nanoTime();
            PetitionSearch.Statement st = search.statement(query, clerk);
            long t2 = System.nanoTime();
            jdbc.sql(st.page()).params(st.pageParams()).query((rs, n) -> rs.getString(1)).list();
            long t3 = System.nanoTime();
            int k = i - 50;
            if (k >= 0) {
                service[k] = (t1 - t0) / 1000;
                sql[k] = (t3 - t2) / 1000;
                totals[k] = results.total();
            }
        }
        Integer[] bySql = new Integer[queries];
        for (int i = 0; i < queries; i++) {
            bySql[i] = i;
        }
        Arrays.sort(bySql, (a, b) -> Long.compare(sql[b], sql[a]));
        long[] sortedService = service.clone();
        long[] sortedSql = sql.clone();
        long[] sortedTotals = totals.clone();
        Arrays.sort(sortedService);
        Arrays.sort(sortedSql);
        Arrays.sort(sortedTotals);
        System.out.printf(Locale.ROOT, "in-process PetitionSearch.search: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sortedService[queries / 2] / 1000.0, sortedService[(int) (queries * 0.95)] / 1000.0,
                sortedService[(int) (queries * 0.99)] / 1000.0, sortedService[queries - 1] / 1000.0);
        System.out.printf(Locale.ROOT, "its page statement alone (SQL): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sortedSql[queries / 2] / 1000.0, sortedSql[(int) (queries * 0.95)] / 1000.0,
                sortedSql[(int) (queries * 0.99)] / 1000.0, sortedSql[queries - 1] / 1000.0);
        System.out.printf(Locale.ROOT, "matches per query: p50 %,d, p95 %,d, max %,d%n", sortedTotals[queries / 2],
                sortedTotals[(int) (queries * 0.95)], sortedTotals[queries - 1]);
        System.out.println("slowest statements:");
        for (int j = 0; j < 8; j++) {
            int i = bySql[j];
            System.out.printf(Locale.ROOT, "  %-24s %,9d matches  SQL %.1f ms  in-process %.1f ms%n", texts.get(i + 50), totals[i],
                    sql[i] / 1000.0, service[i] / 1000.0);
        }
        for (int j : new int[] { bySql[0], bySql[queries / 2] }) {
            PetitionSearch.Statement st = search.statement(
                    new PetitionSearch.Query(texts.get(j + 50), null, null, null, null, null, null, 0, 20), clerk);
            System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the page statement for " + texts.get(j + 50) + ":");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + st.page()).params(st.pageParams()).query(String.class).list()
                    .forEach(l -> System.out.println("   " + l));
        }
    }

    private static void run(int port, List<String> words, int queries, long total) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"clerk\",\"password\":\"xinfang-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        Random r = new Random(7);
        long[] micros = new long[queries];
        long hits = 0;
        for (int i = -50; i < queries; i++) { // 50 warm-up queries first
            String q = pick(words, r) + " " + pick(words, r);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long t = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                micros[i] = t;
                hits += response.body().contains("\"number\"") ? 1 : 0;
            }
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "petitions indexed: %,d; two-word queries: %d (%d with results); one client, over HTTP%n",
                total, queries, hits);
        System.out.printf(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", micros[queries / 2] / 1000.0,
                micros[(int) (queries * 0.95)] / 1000.0, micros[(int) (queries * 0.99)] / 1000.0,
                micros[queries - 1] / 1000.0);
    }
}
