package org.xinfang.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;

/**
 * Search at scale: starts Xinfang on its own embedded PostgreSQL (in {@code bench/target/search-bench},
 * kept between runs), loads {@code --petitions N} generated petitions (default 1,000,000) with COPY
 * straight into the petition and search tables, then sends {@code --queries Q} two-word Chinese
 * searches over HTTP as the city clerk and prints p50/p95/p99. The texts are drawn from the words of
 * the shipped classifier's vocabulary with a Zipf distribution, so some words are common and most
 * rare, as in real petitions; the index holds exactly the words of each text (what segmentation
 * would give), so no segmentation cost is paid at load.
 *
 * <pre>./mvnw -q -pl bench -am -DskipTests -Psearch verify -Dsearch.args="--petitions 1000000 --queries 500"</pre>
 */
public final class SearchLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int petitions = intOption(args, "--petitions", 1_000_000);
        int queries = intOption(args, "--queries", 500);
        ConfigurableApplicationContext app = SpringApplication.run(XinfangApplication.class,
                "--server.port=0", "--xinfang.embedded.data-dir=bench/target/search-bench",
                "--xinfang.scheduler.enabled=false", "--logging.level.root=warn", "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            List<String> words = vocabulary();
            long have = jdbc.sql("SELECT count(*) FROM search.petition_text").query(Long.class).single();
            if (have < petitions) {
                load(app.getBean(DataSource.class), jdbc, words, (int) (petitions - have), have);
            }
            long total = jdbc.sql("SELECT count(*) FROM search.petition_text").query(Long.class).single();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            run(port, words, queries, total);
            if (java.util.Arrays.asList(args).contains("--explain")) {
                explain(jdbc, words);
            }
            if (java.util.Arrays.asList(args).contains("--profile")) {
                profile(app, jdbc, words, queries);
            }
        } finally {
            app.close();
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
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

    private static void load(DataSource ds, JdbcClient jdbc, List<String> words, int count, long offset) throws Exception {
        long receiving = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
        List<Long> handling = jdbc.sql("SELECT id FROM organization.unit WHERE kind = 'DEPARTMENT' AND level = 'DISTRICT'")
                .query(Long.class).list();
        String[] regions = { "990102001", "990102002", "990103001", "990103002", "990104001", "990105001", "990121100" };
        Random r = new Random(42 + offset);
        Instant start = Instant.now();
        System.out.printf(Locale.ROOT, "loading %,d generated petitions …%n", count);
        jdbc.sql("DROP INDEX IF EXISTS search.petition_text_terms_idx").update();
        jdbc.sql("DROP INDEX IF EXISTS search.petition_text_title_trgm_idx").update();
        int batch = 50_000;
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int done = 0; done < count; done += batch) {
                int n = Math.min(batch, count - done);
                StringBuilder petitions = new StringBuilder(n * 700);
                StringBuilder access = new StringBuilder(n * 100);
                StringBuilder texts = new StringBuilder(n * 900);
                for (int i = 0; i < n; i++) {
                    long seq = offset + done + i;
                    UUID id = new UUID(0x5EA5C4L, seq);
                    String number = String.format("BENCH-%09d", seq);
                    String[] title = new String[6];
                    String[] body = new String[50];
                    for (int k = 0; k < title.length; k++) {
                        title[k] = pick(words, r);
                    }
                    for (int k = 0; k < body.length; k++) {
                        body[k] = pick(words, r);
                    }
                    String titleText = String.join("", title);
                    String bodyText = String.join("", body) + "。";
                    long unit = handling.get(r.nextInt(handling.size()));
                    String region = regions[r.nextInt(regions.length)];
                    Instant at = Instant.parse("2021-01-01T00:00:00Z").plusSeconds((long) (r.nextDouble() * 5 * 365 * 86400));
                    petitions.append(id).append('\t').append(number).append("\t\\\\x00\tONLINE\tAPPEAL\t城乡建设\t").append(region)
                            .append('\t').append(titleText).append('\t').append(bodyText).append('\t').append(new UUID(0xBE7L, r.nextInt(400_000)))
                            .append("\tROUTED\t").append(at).append('\t').append(at).append("\tbench\t").append(receiving)
                            .append('\t').append(unit).append('\t').append(at).append('\n');
                    access.append(id).append('\t').append(receiving).append('\n').append(id).append('\t').append(unit).append('\n');
                    texts.append(id).append('\t').append(number).append('\t').append(titleText).append('\t').append(bodyText)
                            .append("\t\\N\t城乡建设\t").append(region).append('\t').append(at).append('\t')
                            .append(tsvector(title, body)).append('\t').append(at).append('\n');
                }
                copy.copyIn("COPY petition.petition (id, number, query_code_enc, channel, type, category, region_code, title,"
                        + " content, petitioner_id, status, received_at, registered_at, registered_by, receiving_unit_id,"
                        + " current_unit_id, updated_at) FROM STDIN", new StringReader(petitions.toString()));
                copy.copyIn("COPY petition.access (petition_id, unit_id) FROM STDIN", new StringReader(access.toString()));
                copy.copyIn("COPY search.petition_text (petition_id, number, title, content, reply, category, region_code,"
                        + " received_at, terms, indexed_at) FROM STDIN", new StringReader(texts.toString()));
                System.out.printf(Locale.ROOT, "  %,d / %,d (%s)%n", done + n, count, Duration.between(start, Instant.now()));
            }
        }
        System.out.println("building the GIN indexes …");
        jdbc.sql("CREATE INDEX petition_text_terms_idx ON search.petition_text USING gin (terms)").update();
        jdbc.sql("CREATE INDEX petition_text_title_trgm_idx ON search.petition_text USING gin (title gin_trgm_ops)").update();
        jdbc.sql("VACUUM ANALYZE search.petition_text").update();
        jdbc.sql("VACUUM ANALYZE petition.petition").update();
        jdbc.sql("VACUUM ANALYZE petition.access").update();
        System.out.printf(Locale.ROOT, "loaded in %s%n", Duration.between(start, Instant.now()));
    }

    /** The title's words weighted A, the text's B, with positions (a tsvector literal for COPY). */
    static String tsvector(String[] title, String[] body) {
        java.util.Map<String, String> lexemes = new java.util.LinkedHashMap<>();
        int pos = 1;
        for (String w : title) {
            lexemes.putIfAbsent(w, pos++ + "A");
        }
        for (String w : body) {
            lexemes.putIfAbsent(w, pos++ + "B");
        }
        StringBuilder sb = new StringBuilder();
        lexemes.forEach((w, p) -> sb.append(sb.isEmpty() ? "" : " ").append('\'').append(w).append("':").append(p));
        return sb.toString();
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
