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
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.bench.data.BenchDatabase;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.shared.ChinaTime;
import org.xinfang.statistics.Indicators;
import org.xinfang.statistics.ReportKind;
import org.xinfang.statistics.StatisticsPeriod;
import org.xinfang.statistics.StatisticsReports;
import org.xinfang.statistics.StatisticsTimings;

/**
 * Statistics at 1,000,000 petitions, on the project's shared generated database ({@link BenchDatabase#open},
 * folder {@code bench/target/data-<n>}, generated on first use and kept). Times, as the city 信访局's
 * supervisor (whole city in scope):
 * <ul>
 * <li>the monthly review (月点评) of the last complete month for the whole city, generated and stored,
 * in-process (server time), budget 2 s — and its figures alone ({@code Indicators.of}), for reading;</li>
 * <li>the dashboard page {@code /statistics}: this month, last month, and 东湖区 (a district with all its
 * units) last month, over loopback HTTP, budget 500 ms each;</li>
 * <li>one drill-down list (未按期办结 of last month) over loopback HTTP, budget 500 ms.</li>
 * </ul>
 * Each scenario is run {@code bench.warmup} times, then {@code bench.rounds} times measured; it prints
 * p50 / p95 / p99 / max, the budget (held when p95 is under it) and the load average beside each line.
 * Exits 1 when a budget is missed. With {@code -Dbench.explain=true} it first prints each indicator query of
 * the month on its own (best of five). Run from the repository root:
 * {@code ./mvnw -q -o -pl bench -am -DskipTests -Prun verify -Dbench.main=org.xinfang.bench.StatisticsBenchmark
 * -Dbench.jvm="-Xmx2g -Dbench.petitions=1000000 -Dbench.rounds=20 -Dbench.explain=true"}.
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
        int exit = 0;
        System.out.printf(Locale.ROOT, "StatisticsBenchmark: %,d petitions, %d warm-up + %d measured rounds per scenario; load %s%n",
                PETITIONS, WARMUP, ROUNDS, load());
        try (BenchDatabase db = BenchDatabase.open(PETITIONS)) {
            int port = db.port();
            JdbcClient jdbc = db.jdbc();
            System.out.printf(Locale.ROOT, "Database %s: %,d petitions, %,d clocks, %,d timeline entries%n", db.folder(),
                    jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM deadline.clock").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM petition.timeline").query(Long.class).single());

            LocalDate today = LocalDate.now(ChinaTime.ZONE);
            StatisticsPeriod lastMonth = StatisticsPeriod.monthOf(today.withDayOfMonth(1).minusDays(1));
            long bureau = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990100-XFJ'").query(Long.class).single();
            long donghu = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990102'").query(Long.class).single();
            StaffUser supervisor = new StaffUser(0, "supervisor", "张建国", bureau, "示范市信访局", Set.of(Role.SUPERVISOR),
                    DataScope.TERRITORY_AND_BELOW);
            StatisticsReports reports = db.app().getBean(StatisticsReports.class);
            Indicators indicators = db.app().getBean(Indicators.class);
            System.out.printf(Locale.ROOT, "Last complete month %s: %,d petitions received (whole city)%n", lastMonth.label(),
                    indicators.of(lastMonth, null, supervisor).received());

            if (Boolean.getBoolean("bench.explain")) {
                System.out.println("Each query of the monthly figures on its own (whole city, " + lastMonth.label() + "):");
                StatisticsTimings.print(db.app(), lastMonth, supervisor);
                System.out.println("The same for 东湖区 (the district and every unit below it):");
                StatisticsTimings.print(db.app(), lastMonth, donghu, supervisor);
            }
            System.out.printf(Locale.ROOT, "%n%-54s %7s %7s %7s %7s  %-16s %s%n", "scenario (ms)", "p50", "p95", "p99", "max",
                    "budget (p95)", "load average");
            exit |= report("月点评 monthly review, whole city, generate + store", REPORT_BUDGET_MS,
                    () -> reports.generate(ReportKind.MONTHLY, lastMonth, null, supervisor));
            exit |= report("  its figures alone (Indicators.of, in-process)", 0,
                    () -> indicators.of(lastMonth, null, supervisor));

            Session session = Session.signIn(port, "supervisor");
            exit |= report("dashboard /statistics (this month), loopback HTTP", PAGE_BUDGET_MS, () -> session.get("/statistics"));
            exit |= report("dashboard /statistics (last month), loopback HTTP", PAGE_BUDGET_MS,
                    () -> session.get("/statistics?from=" + lastMonth.from() + "&to=" + lastMonth.to()));
            exit |= report("dashboard of 东湖区 (last month), loopback HTTP", PAGE_BUDGET_MS,
                    () -> session.get("/statistics?from=" + lastMonth.from() + "&to=" + lastMonth.to() + "&unit=" + donghu));
            exit |= report("drill-down 未按期办结 (last month), loopback HTTP", PAGE_BUDGET_MS,
                    () -> session.get("/statistics/cases?measure=COMPLETION_MISSED&from=" + lastMonth.from() + "&to=" + lastMonth.to()));
        }
        System.out.println(exit == 0 ? "RESULT: every budget held" : "RESULT: a budget was missed");
        System.exit(exit);
    }

    /** Runs a scenario; {@code budget} 0 means "for reading only", never a failure. @return 1 when the budget is missed */
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
        long p95 = percentile(ms, 0.95);
        boolean ok = budget == 0 || p95 < budget;
        System.out.printf(Locale.ROOT, "%-54s %7d %7d %7d %7d  %-16s %s%n", name, percentile(ms, 0.50), p95,
                percentile(ms, 0.99), ms[ROUNDS - 1], budget == 0 ? "—" : (ok ? "< " : "MISSED ") + budget, load());
        return ok ? 0 : 1;
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "?". */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
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
