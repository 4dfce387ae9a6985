package org.xinfang.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;

/**
 * The inbox with 100,000 petitions in the database: starts Xinfang on its embedded PostgreSQL (a fresh
 * data folder under {@code bench/target}), fills it with realistic petitions, timelines aside (what the
 * work lists read: petitions of every status across the demo city's units, their access rows and running
 * clocks, encrypted petitioners), signs in as the staff of different scopes and fetches inbox pages over
 * loopback HTTP, printing the time of each scenario. Bounded: a fixed number of requests, then it stops.
 * <p>
 * Run: {@code ./mvnw -q -pl bench -am -DskipTests -Prun verify -Dbench.main=org.xinfang.bench.InboxBenchmark}
 * (options through {@code -Dbench.jvm="-Dbench.petitions=100000 -Dbench.rounds=40"}).
 */
public final class InboxBenchmark {

    private static final int PETITIONS = Integer.getInteger("bench.petitions", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 40);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 15);
    private static final long BUDGET_MS = 300;

    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target", "bench-data", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(data);
        // system properties, so the mode defaults (key file under the data folder) see them too
        System.setProperty("xinfang.embedded.data-dir", data.toString());
        System.setProperty("server.port", "0");
        System.setProperty("xinfang.scheduler.enabled", "false");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(XinfangApplication.class)
                .properties("logging.level.root=warn", "logging.level.org.xinfang=warn", "spring.main.banner-mode=off")
                .run();
        int exit = 0;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            fill(jdbc, app.getBean(Petitioners.class));
            System.out.printf("Generated %,d petitions in %.1f s%n", count(jdbc), (System.nanoTime() - t0) / 1e9);
            // the inbox's search box reads the search module's word index: index the generated petitions
            // as the module does at start-up for petitions it has not seen yet
            long t1 = System.nanoTime();
            ((ApplicationRunner) app.getBean("searchIndex")).run(new DefaultApplicationArguments());
            jdbc.sql("VACUUM ANALYZE search.petition_text").update();
            System.out.printf("Indexed them for search in %.1f s%n", (System.nanoTime() - t1) / 1e9);

            if (Boolean.getBoolean("bench.explain")) {
                explain(jdbc);
            }
            Map<String, String[]> scenarios = new LinkedHashMap<>();
            scenarios.put("clerk   待分流 (default, own unit)", new String[] { "clerk", "/inbox" });
            scenarios.put("clerk   全部 in territory, by due date", new String[] { "clerk", "/inbox?queue=ALL&mine=false" });
            scenarios.put("clerk   已超期 in territory", new String[] { "clerk", "/inbox?queue=OVERDUE&mine=false" });
            scenarios.put("clerk   办理中, channel+category filters",
                    new String[] { "clerk", "/inbox?queue=IN_HANDLING&mine=false&channel=LETTER&category=" + enc("城乡建设") });
            scenarios.put("clerk   全部, search 电梯", new String[] { "clerk", "/inbox?queue=ALL&mine=false&q=" + enc("电梯") });
            scenarios.put("clerk   全部, page 2,000", new String[] { "clerk", "/inbox?queue=ALL&mine=false&page=2000" });
            scenarios.put("supervisor 已超期 (default)", new String[] { "supervisor", "/inbox" });
            scenarios.put("handler 待受理 (default, one unit)", new String[] { "handler", "/inbox" });
            scenarios.put("approver 待审批 (default)", new String[] { "approver", "/inbox" });

            Map<String, Session> sessions = new LinkedHashMap<>();
            System.out.printf("%nInbox page, %d requests each after %d warm-up, loopback HTTP (ms)%n", ROUNDS, WARMUP);
            System.out.printf("%-44s %8s %8s %8s %8s  %s%n", "scenario", "rows", "p50", "p95", "max", "< 300 ms (p95)");
            for (Map.Entry<String, String[]> s : scenarios.entrySet()) {
                Session session = sessions.computeIfAbsent(s.getValue()[0], u -> Session.signIn(port, u));
                String path = s.getValue()[1];
                String first = session.get(path);
                for (int i = 0; i < WARMUP; i++) {
                    session.get(path);
                }
                long[] ms = new long[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    long start = System.nanoTime();
                    session.get(path);
                    ms[i] = (System.nanoTime() - start) / 1_000_000;
                }
                Arrays.sort(ms);
                long p95 = ms[(int) Math.ceil(ROUNDS * 0.95) - 1];
                boolean ok = p95 < BUDGET_MS;
                exit |= ok ? 0 : 1;
                System.out.printf("%-44s %8s %8d %8d %8d  %s%n", s.getKey(), total(first), ms[ROUNDS / 2], p95,
                        ms[ROUNDS - 1], ok ? "yes" : "NO");
            }
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    // ------------------------------------------------------------------ data

    private static final String[] TITLES = { "小区电梯长期停运，物业拒不维修", "拖欠农民工工资三个月未支付", "安置房交付延期两年",
            "学校周边道路拥堵，请求增设交通疏导", "餐馆油烟扰民", "工地夜间施工噪声扰民", "社保转移接续办理困难", "医疗费用报销被拒",
            "农村宅基地确权纠纷", "违章搭建影响采光", "出租车拒载绕路", "供暖温度不达标", "老旧小区加装电梯补贴迟迟未发放",
            "企业排放污水污染河道", "预付卡商家跑路", "子女入学学位分配不公", "征地补偿标准过低", "村务财务不公开" };
    private static final String[] CATEGORIES = { "城乡建设", "物业管理", "征地拆迁", "拖欠工资", "社会保险", "入学与学位",
            "污染防治", "噪声扰民", "医疗纠纷", "公共交通", "消费维权", "农村农业", "民政", "其他" };

    /** Inserts the petitions with set-based SQL: statuses, units and clocks drawn at random but realistically. */
    private static void fill(JdbcClient jdbc, Petitioners petitioners) {
        List<UUID> people = new ArrayList<>();
        String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高" };
        for (int i = 0; i < 2_000; i++) {
            people.add(petitioners.register(new PetitionerDetails(surnames[i % surnames.length] + "某" + (i % 97),
                    null, "139" + String.format("%08d", i), "示范市某区某路" + i + "号")));
        }
        long bureau = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
        Long[] handling = jdbc.sql("SELECT id FROM organization.unit WHERE kind IN ('DEPARTMENT', 'TERRITORY') AND level IN ('CITY', 'DISTRICT')")
                .query(Long.class).list().toArray(Long[]::new);
        String[] regions = jdbc.sql("SELECT region_code FROM organization.unit WHERE kind = 'TERRITORY'").query(String.class)
                .list().toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO petition.petition (id, number, query_code_enc, channel, type, category, region_code, title, content,
                    petitioner_id, headcount, status, received_at, registered_at, registered_by, receiving_unit_id,
                    current_unit_id, routed_by_unit_id, route_mode, repeat_count, skip_level, first_time, urgent,
                    pending_kind, pending_payload, pending_by, extended_days, updated_at)
                SELECT gen_random_uuid(),
                       '990100-' || to_char(r.received AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-B' || lpad(g::text, 6, '0'),
                       '\\x00'::bytea,
                       (ARRAY['LETTER','VISIT','PHONE','ONLINE','WECHAT'])[1 + (g % 5)],
                       CASE WHEN g % 10 = 0 THEN 'SUGGESTION' ELSE 'APPEAL' END,
                       (?::text[])[1 + (g % ?)],
                       (?::text[])[1 + (g * 7 % ?)],
                       (?::text[])[1 + (g % ?)] || '（' || g || '）',
                       '反映人称：' || (?::text[])[1 + (g % ?)] || '，已多次向有关单位反映未果，请求依法核查处理并给予书面答复。'
                           || repeat('相关情况说明。', 1 + g % 20),
                       (?::uuid[])[1 + (g % ?)],
                       1 + (g % 50 = 0)::int * 4,
                       r.status, r.received, r.received, '李晓梅', ?,
                       CASE WHEN r.status = 'REGISTERED' THEN ? ELSE (?::bigint[])[1 + (g * 13 % ?)] END,
                       CASE WHEN r.status = 'REGISTERED' THEN NULL ELSE ? END,
                       CASE WHEN r.status = 'REGISTERED' THEN NULL ELSE 'FORWARD' END,
                       (g % 23 = 0)::int, g % 41 = 0, g % 3 <> 0, g % 50 = 0,
                       CASE WHEN r.status = 'IN_PROGRESS' AND g % 9 = 0 THEN 'EXTENSION' END,
                       CASE WHEN r.status = 'IN_PROGRESS' AND g % 9 = 0 THEN E'30\\n需要联合核查' END,
                       CASE WHEN r.status = 'IN_PROGRESS' AND g % 9 = 0 THEN 'handler' END,
                       CASE WHEN r.status = 'EXTENDED' THEN 30 ELSE 0 END,
                       now()
                FROM generate_series(1, ?) g,
                LATERAL (SELECT now() - ((g * 7919 % 400) || ' days')::interval - ((g % 600) || ' minutes')::interval AS received,
                                CASE WHEN g % 100 < 5 THEN 'REGISTERED' WHEN g % 100 < 15 THEN 'ROUTED'
                                     WHEN g % 100 < 40 THEN 'IN_PROGRESS' WHEN g % 100 < 45 THEN 'EXTENDED'
                                     WHEN g % 100 < 60 THEN 'ANSWERED' WHEN g % 100 < 95 THEN 'CLOSED'
                                     WHEN g % 100 < 98 THEN 'NOT_ACCEPTED' ELSE 'DUPLICATE' END AS status) r""")
                .params(CATEGORIES, CATEGORIES.length, regions, regions.length, TITLES, TITLES.length, TITLES, TITLES.length,
                        people.toArray(UUID[]::new), people.size(), bureau, bureau, handling, handling.length, bureau, PETITIONS)
                .update();
        jdbc.sql("INSERT INTO petition.access (petition_id, unit_id) SELECT id, receiving_unit_id FROM petition.petition "
                + "WHERE number LIKE '%-B%' ON CONFLICT DO NOTHING").update();
        jdbc.sql("INSERT INTO petition.access (petition_id, unit_id) SELECT id, current_unit_id FROM petition.petition "
                + "WHERE number LIKE '%-B%' ON CONFLICT DO NOTHING").update();
        // the running clock of each open petition, as the lifecycle would have started it
        jdbc.sql("""
                INSERT INTO deadline.clock (subject_id, subject_ref, period, unit_id, started_at, days, day_count, due_date, state)
                SELECT p.id, p.number, c.period, p.current_unit_id, p.received_at, c.days, 'CALENDAR',
                       ((p.received_at AT TIME ZONE 'Asia/Shanghai')::date + c.days), 'RUNNING'
                FROM petition.petition p
                JOIN (VALUES ('REGISTERED', 'ROUTE', 15), ('ROUTED', 'ACKNOWLEDGE', 15), ('IN_PROGRESS', 'HANDLE', 75),
                             ('EXTENDED', 'HANDLE', 105)) AS c(status, period, days) ON c.status = p.status
                WHERE p.number LIKE '%-B%'""").update();
        jdbc.sql("""
                UPDATE petition.petition p SET next_due_date = c.due_date FROM deadline.clock c
                WHERE c.subject_id = p.id AND c.state = 'RUNNING' AND p.number LIKE '%-B%'""").update();
        jdbc.sql("VACUUM ANALYZE").update(); // what autovacuum does for a live database
    }

    /** Times variants of the count statement for the city clerk, whose scope holds every petition. */
    private static void explain(JdbcClient jdbc) {
        Long[] all = jdbc.sql("SELECT id FROM organization.unit").query(Long.class).list().toArray(Long[]::new);
        long bureau = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
        jdbc.sql("SELECT set_config('work_mem', '64MB', false)").query(String.class).list();
        String scope = org.xinfang.petition.PetitionScope.CONDITION;
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("count", "SELECT count(*) FROM petition.petition p WHERE " + scope);
        variants.put("count-noscope", "SELECT count(*) FROM petition.petition p WHERE ?::bigint IS NOT NULL AND ?::bigint[] IS NOT NULL");
        variants.put("filter14", "SELECT count(*), count(*) FILTER (WHERE p.status IN ('REGISTERED','RETURNED')), count(*) FILTER (WHERE p.status = 'ROUTED'), "
                + "count(*) FILTER (WHERE p.status IN ('IN_PROGRESS','EXTENDED')), count(*) FILTER (WHERE p.pending_kind IS NOT NULL AND p.current_unit_id = 2), "
                + "count(*) FILTER (WHERE p.next_due_date < current_date), count(*) FILTER (WHERE p.next_due_date BETWEEN current_date AND current_date + 3), "
                + "count(*) FILTER (WHERE p.status IN ('ANSWERED','CLOSED')) FROM petition.petition p WHERE " + scope);
        variants.put("groupby", "SELECT p.status, p.channel, CASE WHEN p.next_due_date < current_date THEN 'O' WHEN p.next_due_date <= current_date + 3 THEN 'A' END, "
                + "p.pending_kind IS NOT NULL AND p.current_unit_id = 2, count(*) FROM petition.petition p WHERE " + scope + " GROUP BY 1, 2, 3, 4");
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, String> v : variants.entrySet()) {
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    long t = System.nanoTime();
                    jdbc.sql(v.getValue()).params(bureau, all).query((rs, n) -> 1).list();
                    best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
                }
                System.out.printf("VARIANT %-14s best of 5: %d ms%n", v.getKey(), best);
                if (round == 1) {
                    jdbc.sql("EXPLAIN (ANALYZE) " + v.getValue()).params(bureau, all).query(String.class).list()
                            .forEach(l -> System.out.println("   " + l.substring(0, Math.min(150, l.length()))));
                }
            }
        }
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String total(String page) {
        Matcher m = Pattern.compile("共 ([\\d,]+) 件").matcher(page);
        return m.find() ? m.group(1) : "?";
    }

    /** A signed-in browser session: the form login with its CSRF token, then the session cookie. */
    private record Session(HttpClient http, String base) {

        static Session signIn(int port, String username) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            Session s = new Session(http, "http://localhost:" + port);
            String login = s.get("/login");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "username=" + username + "&password=xinfang-demo&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode());
            }
            return s;
        }

        String get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
