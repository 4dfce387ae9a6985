package org.xinfang.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.xinfang.bench.data.BenchDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The load benchmark: a closed-model mix (clients back to back) and an open-model mix (a fixed arrival rate) of public submissions, staff registrations, inbox pages, case
 * pages and tracking look-ups against one Xinfang node, then public submissions alone, then PostgreSQL's
 * own ceiling for a comparable insert transaction with as many connections as there are clients; prints
 * throughput and p50/p95/p99 per request type, the ratio of submissions to the ceiling and whether the
 * targets are met (submissions ≥ 30 % of the ceiling; inbox and case page p99 < 100 ms).
 *
 * <pre>./mvnw -q -o -pl bench -am -DskipTests -Prun verify -Dbench.main=org.xinfang.bench.load.LoadBenchmark \
 *     -Dbench.args="--petitions 1000000 --clients 8 --seconds 60"</pre>
 *
 * Options: {@code --petitions N} (the generated database, see {@link BenchDatabase}; default 1,000,000),
 * {@code --clients C} (8), {@code --warmup S} (20), {@code --seconds S} (60, the mixed phase),
 * {@code --submit-seconds S} (30), {@code --submit-warmup S} (5), {@code --ceiling-seconds S} (30),
 * {@code --phases mix,paced,submit,ceiling} (all; any subset), {@code --paced-rate R} (20: requests a second of the open-model
 * mix, {@link LoadDriver#run(Map, int, Duration, Duration, java.util.function.Consumer, Runnable, double)}),
 * {@code --paced-seconds S} (60), {@code --drain-seconds S} (600: how long to wait for the
 * listeners' backlog after a phase); against a node already running:
 * {@code --url http://host:port --samples path/to/tracking-sample.tsv} and, for the ceiling,
 * {@code --jdbc-url … --jdbc-user … --jdbc-password …} (skipped without them).
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int petitions = Integer.parseInt(o.getOrDefault("--petitions", "1000000").replace("_", ""));
        int clients = Integer.parseInt(o.getOrDefault("--clients", "8"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--warmup", "20")));
        Duration mixed = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--seconds", "60")));
        Duration submitOnly = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--submit-seconds", "30")));
        Duration submitWarmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--submit-warmup", "5")));
        Duration ceilingTime = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--ceiling-seconds", "30")));
        java.util.Set<String> phases = java.util.Set.of(o.getOrDefault("--phases", "mix,paced,submit,ceiling").split(","));
        double pacedRate = Double.parseDouble(o.getOrDefault("--paced-rate", "20"));
        Duration paced = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--paced-seconds", "60")));
        Duration drainLimit = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--drain-seconds", "600")));

        BenchDatabase db = null;
        String url;
        List<BenchDatabase.Sample> samples;
        String jdbcUrl = o.get("--jdbc-url");
        String jdbcUser = o.getOrDefault("--jdbc-user", "postgres");
        String jdbcPassword = o.getOrDefault("--jdbc-password", "");
        if (o.containsKey("--url")) {
            url = o.get("--url");
            samples = BenchDatabase.samples(Path.of(o.getOrDefault("--samples",
                    BenchDatabase.folderFor(petitions).resolve(BenchDatabase.SAMPLE_FILE).toString())));
        } else {
            db = BenchDatabase.open(petitions);
            url = "http://localhost:" + db.port();
            samples = db.samples();
            HikariDataSource ds = (HikariDataSource) db.app().getBean(DataSource.class);
            jdbcUrl = ds.getJdbcUrl();
            jdbcUser = ds.getUsername();
            jdbcPassword = ds.getPassword() == null ? "" : ds.getPassword();
        }
        try {
            long rows = db == null ? -1 : db.jdbc().sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
            System.out.printf(Locale.ROOT, "%nnode %s, %s petitions in the database, %d clients, %d sampled numbers%n", url,
                    rows < 0 ? "?" : String.format(Locale.ROOT, "%,d", rows), clients, samples.size());
            if (db != null) {
                HikariDataSource ds = (HikariDataSource) db.app().getBean(DataSource.class);
                System.out.printf(Locale.ROOT, "node: Hikari pool %d connections, Tomcat on %s threads%n", ds.getMaximumPoolSize(),
                        "true".equals(db.app().getEnvironment().getProperty("spring.threads.virtual.enabled")) ? "virtual" : "platform");
            }
            System.out.println("load before: " + load());

            LoadDriver driver = new LoadDriver(url, samples);
            ConcurrentLinkedQueue<LoadDriver.Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            FollowUp followUp = jdbcUrl == null ? null : new FollowUp(jdbcUrl, jdbcUser, jdbcPassword);
            CpuMeter cpu = new CpuMeter(db == null ? null : BenchDatabase.folderFor(petitions).resolve("pg"));
            if (followUp != null) {
                followUp.baseline();
            }
            LoadResult mix = null;
            if (phases.contains("mix")) {
                System.out.printf(Locale.ROOT, "%n1. realistic mix, %d s warm-up + %d s measured …%n", warmup.toSeconds(), mixed.toSeconds());
                mix = driver.run(LoadDriver.realisticMix(), clients, warmup, mixed, acknowledged::add);
                System.out.print(mix.table());
                System.out.println("load: " + load());
                if (followUp != null) {
                    // the next phase starts with the follow-up work of this one done, so it is not charged to it
                    System.out.println(followUp.drain(drainLimit).describe());
                }
            }

            LoadResult pacedMix = null;
            if (phases.contains("paced")) {
                System.out.printf(Locale.ROOT, "%n1b. realistic mix at a fixed %.0f requests/s (open model: latency from each request's"
                        + " scheduled start), %d clients, 10 s warm-up + %d s measured …%n", pacedRate, clients, paced.toSeconds());
                pacedMix = driver.run(LoadDriver.realisticMix(), clients, Duration.ofSeconds(10), paced, acknowledged::add, () -> {
                }, pacedRate);
                System.out.print(pacedMix.table());
                System.out.println("load: " + load());
                if (followUp != null) {
                    System.out.println(followUp.drain(drainLimit).describe());
                }
            }

            LoadResult submit = null;
            FollowUp.Drained drained = null;
            if (phases.contains("submit")) {
                System.out.printf(Locale.ROOT, "%n2. public submissions only, %d clients, %d s warm-up + %d s measured …%n", clients,
                        submitWarmup.toSeconds(), submitOnly.toSeconds());
                CpuMeter.Reading[] cpuFrom = new CpuMeter.Reading[1];
                submit = driver.run(LoadDriver.submissionsOnly(), clients, submitWarmup, submitOnly, acknowledged::add,
                        () -> cpuFrom[0] = cpu.read());
                System.out.print(submit.table());
                System.out.println("load: " + load());
                if (followUp != null) {
                    // every acknowledged submission leaves work to listeners (search index, registration form, …), run
                    // after the commit from persisted publications; a rate that leaves a growing backlog is not sustained
                    drained = followUp.drain(drainLimit);
                    System.out.println(drained.describe());
                    System.out.println("load: " + load());
                }
                if (db != null && cpuFrom[0] != null) {
                    // measured from the end of the warm-up to the end of the drain: the requests and their follow-up work
                    System.out.println(cpu.read().perRequest(cpuFrom[0], submit.of(RequestType.PUBLIC_SUBMISSION).ok()));
                }
            }

            if (db != null) {
                List<String> numbers = acknowledged.stream().map(LoadDriver.Acknowledged::number).toList();
                long found = db.jdbc().sql("SELECT count(*) FROM petition.petition WHERE number = ANY(?)")
                        .param(numbers.toArray(String[]::new)).query(Long.class).single();
                long distinct = numbers.stream().distinct().count();
                System.out.printf(Locale.ROOT, "%nacknowledged registrations: %,d (distinct numbers %,d); found in the database: %,d%n",
                        numbers.size(), distinct, found);
            }

            PostgresCeiling.Result ceiling = null;
            if (jdbcUrl != null && phases.contains("ceiling")) {
                System.out.printf(Locale.ROOT, "%n3. PostgreSQL ceiling: petition-like row + timeline row per transaction, %d connections,"
                        + " 5 s warm-up + %d s …%n", clients, ceilingTime.toSeconds());
                ceiling = new PostgresCeiling(jdbcUrl, jdbcUser, jdbcPassword).run(clients, Duration.ofSeconds(5), ceilingTime);
                System.out.printf(Locale.ROOT, "%,d transactions, %.1f tx/s, p50 %.1f ms, p99 %.1f ms%n", ceiling.transactions(),
                        ceiling.perSecond(), ceiling.p50(), ceiling.p99());
                System.out.println("load: " + load());
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "Summary (%d clients; ceiling with %d connections)%n", clients, clients);
            if (submit != null) {
                LoadResult.Stats st = submit.of(RequestType.PUBLIC_SUBMISSION);
                double submissions = st.perSecond();
                System.out.printf(Locale.ROOT, "  public submissions acknowledged: %.1f /s (p50 %.0f, p95 %.0f, p99 %.0f ms)%n",
                        submissions, st.p50(), st.p95(), st.p99());
                double sustained = drained == null ? Double.NaN : drained.sustained(st.ok(), submitOnly);
                if (drained != null) {
                    System.out.printf(Locale.ROOT, "  sustained (follow-up work finished too): %.1f /s%n", sustained);
                }
                if (ceiling != null) {
                    double ratio = submissions / ceiling.perSecond();
                    double honest = Double.isNaN(sustained) ? ratio : sustained / ceiling.perSecond();
                    System.out.printf(Locale.ROOT, "  PostgreSQL ceiling: %.1f tx/s; ratio acknowledged %.1f %%, sustained %.1f %%"
                            + " (target ≥ 30 %%, judged on sustained): %s%n", ceiling.perSecond(), ratio * 100, honest * 100,
                            honest >= 0.3 ? "met" : "NOT met");
                }
            }
            for (LoadResult phase : java.util.Arrays.asList(mix, pacedMix)) {
                if (phase == null) {
                    continue;
                }
                String name = phase == mix ? "saturating mix" : String.format(Locale.ROOT, "mix at %.0f/s", pacedRate);
                for (RequestType t : List.of(RequestType.INBOX, RequestType.CASE_PAGE)) {
                    double p99 = phase.of(t).p99();
                    System.out.printf(Locale.ROOT, "  %-15s %-10s p99 %.1f ms (target < 100 ms): %s%n", name, t, p99,
                            p99 < 100 ? "met" : "NOT met");
                }
            }
            System.out.println("  load: " + load());
        } finally {
            if (db != null) {
                db.close();
            }
        }
        System.exit(0);
    }

    /** The load average of the machine (busy machines make pessimistic figures). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min; " + Runtime.getRuntime().availableProcessors()
                    + " cores)";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}
