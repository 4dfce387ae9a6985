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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;
import org.xinfang.shared.ChinaTime;
import org.xinfang.statistics.Indicators;
import org.xinfang.statistics.ReportKind;
import org.xinfang.statistics.StatisticsPeriod;
import org.xinfang.statistics.StatisticsReports;

/**
 * Statistics at 1,000,000 petitions: starts Xinfang on an embedded PostgreSQL kept in
 * {@code target/statistics-bench} (filled on the first run with set-based SQL — petitions of two years in
 * every state with their access rows, statutory clocks met, missed and running, replies, ratings and review
 * timeline entries — and reused afterwards), then times, for the whole city (the city 信访局's supervisor):
 * <ul>
 * <li>the monthly review (月点评) of last month generated and stored, in-process (server time), budget 2 s;</li>
 * <li>the dashboard page {@code /statistics} (this month, and last month) over loopback HTTP, budget 500 ms;</li>
 * <li>the figures API and one drill-down list over loopback HTTP.</li>
 * </ul>
 * Exits 1 if a budget is missed. Run:
 * {@code ./mvnw -q -pl bench -am -DskipTests -Prun verify -Dbench.main=org.xinfang.bench.StatisticsBenchmark}
 * (options: {@code -Dbench.jvm="-Xmx2g -Dbench.petitions=1000000 -Dbench.rounds=20"}).
 */
public final class StatisticsBenchmark {

    private static final int PETITIONS = Integer.getInteger("bench.petitions", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    private static final long REPORT_BUDGET_MS = 2_000;
    private static final long PAGE_BUDGET_MS = 500;

    private StatisticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("bench.data", "target/statistics-bench-" + PETITIONS)).toAbsolutePath();
        Files.createDirectories(data);
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
            long have = jdbc.sql("SELECT count(*) FROM petition.petition WHERE number LIKE '%-S%'").query(Long.class).single();
            if (have < PETITIONS) {
                long t0 = System.nanoTime();
                fill(jdbc, app.getBean(Petitioners.class));
                System.out.printf("Generated %,d petitions in %.1f s (kept in %s for the next run)%n", PETITIONS,
                        (System.nanoTime() - t0) / 1e9, data);
            }
            System.out.printf("Database: %,d petitions, %,d clocks, %,d timeline entries%n",
                    jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM deadline.clock").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM petition.timeline").query(Long.class).single());

            LocalDate today = LocalDate.now(ChinaTime.ZONE);
            StatisticsPeriod lastMonth = StatisticsPeriod.monthOf(today.withDayOfMonth(1).minusDays(1));
            long bureau = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
            StaffUser supervisor = new StaffUser(0, "supervisor", "张建国", bureau, "示范市信访局", java.util.Set.of(Role.SUPERVISOR),
                    DataScope.TERRITORY_AND_BELOW);
            StatisticsReports reports = app.getBean(StatisticsReports.class);
            Indicators indicators = app.getBean(Indicators.class);
            System.out.printf("Monthly figures of %s: %,d received%n", lastMonth.label(),
                    indicators.of(lastMonth, null, supervisor).received());

            if (Boolean.getBoolean("bench.explain")) {
                System.out.println("Each query of the monthly figures:");
                org.xinfang.statistics.StatisticsTimings.print(app, lastMonth, supervisor);
            }
            System.out.printf("%n%-52s %8s %8s %8s  %s%n", "scenario (ms)", "p50", "p95", "max", "budget");
            exit |= report("月点评 monthly review, whole city, generate + store", REPORT_BUDGET_MS,
                    () -> reports.generate(ReportKind.MONTHLY, lastMonth, null, supervisor));
            exit |= report("  its figures alone (Indicators.of, in-process)", REPORT_BUDGET_MS,
                    () -> indicators.of(lastMonth, null, supervisor));

            Session session = Session.signIn(port, "supervisor");
            exit |= report("dashboard /statistics (this month), loopback HTTP", PAGE_BUDGET_MS, () -> session.get("/statistics"));
            exit |= report("dashboard /statistics (last month), loopback HTTP", PAGE_BUDGET_MS,
                    () -> session.get("/statistics?from=" + lastMonth.from() + "&to=" + lastMonth.to()));
            exit |= report("dashboard of 东湖区 (last month), loopback HTTP", PAGE_BUDGET_MS,
                    () -> session.get("/statistics?from=" + lastMonth.from() + "&to=" + lastMonth.to() + "&unit="
                            + jdbc.sql("SELECT id FROM organization.unit WHERE code = '990102'").query(Long.class).single()));
            exit |= report("drill-down 未按期办结 (last month), loopback HTTP", PAGE_BUDGET_MS,
                    () -> session.get("/statistics/cases?measure=COMPLETION_MISSED&from=" + lastMonth.from() + "&to=" + lastMonth.to()));
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    private static int report(String name, long budget, Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        long[] ms = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        long p95 = ms[(int) Math.ceil(ROUNDS * 0.95) - 1];
        boolean ok = p95 < budget;
        System.out.printf("%-52s %8d %8d %8d  %s%n", name, ms[ROUNDS / 2], p95, ms[ROUNDS - 1],
                (ok ? "< " : "NOT < ") + budget + " (p95)");
        return ok ? 0 : 1;
    }

    // ------------------------------------------------------------------ data

    private static final String[] TITLES = { "小区电梯长期停运，物业拒不维修", "拖欠农民工工资三个月未支付", "安置房交付延期两年",
            "学校周边道路拥堵，请求增设交通疏导", "餐馆油烟扰民", "工地夜间施工噪声扰民", "社保转移接续办理困难", "医疗费用报销被拒",
            "农村宅基地确权纠纷", "违章搭建影响采光", "出租车拒载绕路", "供暖温度不达标", "老旧小区加装电梯补贴迟迟未发放",
            "企业排放污水污染河道", "预付卡商家跑路", "子女入学学位分配不公", "征地补偿标准过低", "村务财务不公开" };
    private static final String[] CATEGORIES = { "城乡建设", "物业管理", "征地拆迁", "拖欠工资", "社会保险", "入学与学位",
            "污染防治", "噪声扰民", "医疗纠纷", "公共交通", "消费维权", "农村农业", "民政", "其他" };

    /**
     * Two years of petitions in every state, with what the lifecycle would have written for them: access rows,
     * the routing, notice and handling clocks (met, missed or running, due dates from receipt), replies with
     * ratings, closings, and the review requests and answers on the timeline. Set-based SQL, no events.
     */
    private static void fill(JdbcClient jdbc, Petitioners petitioners) {
        List<UUID> people = new ArrayList<>();
        String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高" };
        for (int i = 0; i < 2_000; i++) {
            people.add(petitioners.register(new PetitionerDetails(surnames[i % surnames.length] + "某" + (i % 97),
                    null, "138" + String.format("%08d", i), "示范市某区某路" + i + "号")));
        }
        long bureau = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
        Long[] handling = jdbc.sql("SELECT id FROM organization.unit WHERE kind IN ('DEPARTMENT', 'TERRITORY') AND level IN ('CITY', 'DISTRICT')")
                .query(Long.class).list().toArray(Long[]::new);
        String[] regions = jdbc.sql("SELECT region_code FROM organization.unit WHERE kind = 'TERRITORY' AND level <> 'CITY'")
                .query(String.class).list().toArray(String[]::new);
        jdbc.sql("SELECT set_config('work_mem', '256MB', false)").query(String.class).list();
        // the stages in days after receipt: routed +r, accepted +r+a, replied +r+a+h (h up to 75: some late)
        jdbc.sql("""
                INSERT INTO petition.petition (id, number, query_code_enc, channel, type, category, region_code, title, content,
                    petitioner_id, headcount, status, received_at, registered_at, registered_by, receiving_unit_id,
                    current_unit_id, routed_by_unit_id, route_mode, repeat_count, skip_level, first_time, urgent,
                    outcome, replied_at, reply_unit_id, rating, rated_at, review_stage, closed_at, updated_at)
                SELECT gen_random_uuid(),
                       '990100-' || to_char(r.received AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-S' || lpad(g::text, 7, '0'),
                       '\\x00'::bytea,
                       (ARRAY['LETTER','VISIT','PHONE','ONLINE','WECHAT'])[1 + (g % 5)],
                       CASE WHEN g % 10 = 0 THEN 'SUGGESTION' ELSE 'APPEAL' END,
                       (?::text[])[1 + (g % ?)],
                       (?::text[])[1 + (g * 7 % ?)],
                       (?::text[])[1 + (g % ?)] || '（' || g || '）',
                       '反映人称：' || (?::text[])[1 + (g % ?)] || '，已多次向有关单位反映未果，请求依法核查处理并给予书面答复。',
                       (?::uuid[])[1 + (g % ?)],
                       1 + (g % 50 = 0)::int * 4,
                       r.status, r.received, r.received, '李晓梅', ?,
                       CASE WHEN r.status = 'REGISTERED' OR r.status = 'DUPLICATE' THEN ? ELSE r.unit END,
                       CASE WHEN r.status IN ('REGISTERED', 'DUPLICATE') THEN NULL ELSE ? END,
                       CASE WHEN r.status IN ('REGISTERED', 'DUPLICATE') THEN NULL ELSE 'FORWARD' END,
                       (g % 23 = 0)::int, r.status = 'DUPLICATE' AND g % 3 = 0, g % 3 <> 0, g % 50 = 0,
                       CASE WHEN r.replied THEN 'EXPLAINED' END,
                       CASE WHEN r.replied THEN r.replied_at END,
                       CASE WHEN r.replied THEN r.unit END,
                       CASE WHEN r.replied AND g % 5 < 3 THEN (ARRAY['SATISFIED','SATISFIED','BASICALLY_SATISFIED','UNSATISFIED'])[1 + (g / 5) % 4] END,
                       CASE WHEN r.replied AND g % 5 < 3 THEN r.replied_at + interval '3 days' END,
                       CASE WHEN r.status = 'FINAL' THEN 2 ELSE 0 END,
                       CASE WHEN r.status = 'CLOSED' THEN r.replied_at + interval '31 days'
                            WHEN r.status = 'FINAL' THEN r.replied_at + interval '70 days'
                            WHEN r.status IN ('NOT_ACCEPTED', 'GUIDED') THEN r.received + interval '4 days' END,
                       now()
                FROM generate_series(1::bigint, ?) g,
                LATERAL (SELECT s.*, s.received + ((2 + g % 12 + 1 + g % 10 + 5 + g % 75) || ' days')::interval AS replied_at
                         FROM (SELECT now() - ((g * 7919 % 730) || ' days')::interval - ((g % 600) || ' minutes')::interval AS received,
                                      (?::bigint[])[1 + (g * 13 % ?)] AS unit,
                                      CASE WHEN g % 100 < 3 THEN 'REGISTERED' WHEN g % 100 < 8 THEN 'ROUTED'
                                           WHEN g % 100 < 28 THEN 'IN_PROGRESS' WHEN g % 100 < 31 THEN 'EXTENDED'
                                           WHEN g % 100 < 43 THEN 'ANSWERED' WHEN g % 100 < 88 THEN 'CLOSED'
                                           WHEN g % 100 < 91 THEN 'NOT_ACCEPTED' WHEN g % 100 < 93 THEN 'GUIDED'
                                           WHEN g % 100 < 97 THEN 'DUPLICATE' ELSE 'FINAL' END AS status) s) r0,
                LATERAL (SELECT r0.*, r0.status IN ('ANSWERED', 'CLOSED', 'FINAL') AND r0.replied_at < now() AS replied) r""")
                .params(CATEGORIES, CATEGORIES.length, regions, regions.length, TITLES, TITLES.length, TITLES, TITLES.length,
                        people.toArray(UUID[]::new), people.size(), bureau, bureau, bureau, PETITIONS, handling, handling.length)
                .update();
        // a reply still in the future for the newest cases: they are in progress instead
        jdbc.sql("""
                UPDATE petition.petition SET status = 'IN_PROGRESS', closed_at = NULL
                WHERE number LIKE '%-S%' AND status IN ('ANSWERED', 'CLOSED', 'FINAL') AND replied_at IS NULL""").update();
        jdbc.sql("UPDATE petition.petition SET closed_at = NULL, status = 'ANSWERED' WHERE number LIKE '%-S%' AND closed_at > now()").update();
        jdbc.sql("UPDATE petition.petition SET repeat_of = id WHERE number LIKE '%-S%' AND status = 'DUPLICATE'").update();
        jdbc.sql("INSERT INTO petition.access (petition_id, unit_id) SELECT id, receiving_unit_id FROM petition.petition "
                + "WHERE number LIKE '%-S%' ON CONFLICT DO NOTHING").update();
        jdbc.sql("INSERT INTO petition.access (petition_id, unit_id) SELECT id, current_unit_id FROM petition.petition "
                + "WHERE number LIKE '%-S%' ON CONFLICT DO NOTHING").update();
        // the clocks: routing (15 days from receipt), notice (15 days from routing), handling (60 from acceptance)
        jdbc.sql("""
                INSERT INTO deadline.clock (subject_id, subject_ref, period, unit_id, started_at, days, day_count, due_date,
                    state, closed_at)
                SELECT p.id, p.number, c.period, c.unit, c.started, c.days, 'CALENDAR',
                       (c.started AT TIME ZONE 'Asia/Shanghai')::date + c.days,
                       CASE WHEN c.closed IS NULL OR c.closed > now() THEN 'RUNNING'
                            WHEN (c.closed AT TIME ZONE 'Asia/Shanghai')::date <= (c.started AT TIME ZONE 'Asia/Shanghai')::date + c.days
                            THEN 'MET' ELSE 'MISSED' END,
                       CASE WHEN c.closed IS NULL OR c.closed > now() THEN NULL ELSE c.closed END
                FROM (SELECT p.*, (abs(hashtext(p.number)) % 1000) AS h FROM petition.petition p WHERE p.number LIKE '%-S%'
                      AND p.status <> 'DUPLICATE') p
                CROSS JOIN LATERAL (VALUES
                    ('ROUTE', p.receiving_unit_id, p.received_at, 15,
                        CASE WHEN p.status = 'REGISTERED' THEN NULL ELSE p.received_at + ((2 + p.h % 12 + (p.h % 40 = 0)::int * 10) || ' days')::interval END),
                    ('ACKNOWLEDGE', p.current_unit_id, p.received_at + ((2 + p.h % 12) || ' days')::interval, 15,
                        CASE WHEN p.status IN ('REGISTERED', 'ROUTED') THEN NULL
                             ELSE p.received_at + ((3 + p.h % 12 + p.h % 10 + (p.h % 25 = 0)::int * 9) || ' days')::interval END),
                    ('HANDLE', p.current_unit_id, p.received_at + ((3 + p.h % 12 + p.h % 10) || ' days')::interval,
                        CASE WHEN p.status = 'EXTENDED' THEN 90 ELSE 60 END, p.replied_at)
                ) AS c(period, unit, started, days, closed)
                WHERE (c.period = 'ROUTE' OR p.status NOT IN ('REGISTERED', 'NOT_ACCEPTED', 'GUIDED'))
                  AND (c.period <> 'HANDLE' OR p.status NOT IN ('ROUTED'))
                  AND c.started < now()""").update();
        jdbc.sql("""
                UPDATE petition.petition p SET next_due_date = c.due_date FROM deadline.clock c
                WHERE c.subject_id = p.id AND c.state = 'RUNNING' AND p.number LIKE '%-S%'""").update();
        // 复查 and 复核 of the final cases, as the lifecycle writes them on the timeline
        jdbc.sql("""
                INSERT INTO petition.timeline (petition_id, at, event, actor, unit_id, note, public)
                SELECT p.id, p.replied_at + e.after, e.event, e.actor, p.receiving_unit_id, e.note, TRUE
                FROM petition.petition p
                CROSS JOIN LATERAL (VALUES
                    (interval '10 days', 'REVIEW_REQUESTED', '信访人', '信访人申请复查'),
                    (interval '30 days', 'REVIEWED', '周敏', CASE WHEN hashtext(p.number) % 4 = 0 THEN '复查意见：变更' ELSE '复查意见：维持' END),
                    (interval '40 days', 'RECHECK_REQUESTED', '信访人', '信访人申请复核'),
                    (interval '65 days', 'RECHECKED', '陈志远', '复核意见：维持')) AS e(after, event, actor, note)
                WHERE p.number LIKE '%-S%' AND p.status = 'FINAL' AND p.replied_at + e.after < now()""").update();
        jdbc.sql("VACUUM ANALYZE").update();
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
            String form = "username=" + username + "&password=xinfang-demo&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode());
            }
            return s;
        }

        String get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build());
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
