package org.xinfang.bench.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The several-nodes and crash-safety check (bench/README.md, "Several nodes" and "Crash safety"):
 * <ol>
 * <li>starts PostgreSQL, two Xinfang nodes and nginx ({@link Cluster});</li>
 * <li><b>sessions shared</b>: signs in through node 1's login form and opens the inbox on node 2 with
 * the same cookie;</li>
 * <li><b>crash safety</b>: clients submit petitions through nginx on the public API, each with an
 * Idempotency-Key, retrying a failed call with the same key as a real client would, and record every
 * number acknowledged to them; mid-run node 1 is killed with SIGKILL and restarted, later PostgreSQL
 * is stopped and started again under the running nodes; afterwards every acknowledged number must
 * exist exactly once with its timeline (lost = 0, duplicates = 0);</li>
 * <li><b>events delivered once</b>: after the run no event publication is left incomplete, and every
 * acknowledged petition has exactly one receipt SMS in the outbox, one search-index row and one
 * registration form;</li>
 * <li><b>scheduled work once</b>: every running clock is made overdue, both nodes scan every two
 * seconds, and the number of DeadlineMissed events must equal the number of clocks.</li>
 * </ol>
 * It prints the counts and exits 1 if any of them is wrong.
 * <pre>
 * ./mvnw -q -pl bench -am -DskipTests -Prun verify -Dbench.main=org.xinfang.bench.cluster.ClusterCheck -Dbench.args="--submissions 2000"
 * </pre>
 */
public final class ClusterCheck {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    private final Cluster cluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<String> problems = new ArrayList<>();

    private ClusterCheck(Cluster cluster) {
        this.cluster = cluster;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int submissions = Integer.parseInt(options.getOrDefault("submissions", "2000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        Path dir = Path.of(options.getOrDefault("dir", "bench/target/cluster"));
        Map<String, String> env = Map.of(
                // resubmit unfinished event publications soon, so the check need not wait minutes
                "XINFANG_EVENTS_RESUBMIT_INTERVAL", "PT5S",
                "XINFANG_EVENTS_RESUBMIT_AFTER", "PT20S");
        List<String> jvm = List.of("-Dxinfang.deadline.scan-interval=PT2S");
        long t0 = System.nanoTime();
        int exit;
        try (Cluster cluster = new Cluster(dir, 2, env, jvm)) {
            ClusterCheck check = new ClusterCheck(cluster);
            cluster.startPostgres();
            // the first node seeds the demo city; starting both at once is safe too (an advisory lock), only slower here
            cluster.startNode(0);
            cluster.awaitNode(0, Duration.ofMinutes(5));
            cluster.startNode(1);
            cluster.awaitNode(1, Duration.ofMinutes(5));
            cluster.startNginx();
            System.out.printf("cluster up: PostgreSQL :%d, nodes :%d :%d, nginx :%d (%.0f s)%n", cluster.pgPort,
                    cluster.nodePorts[0], cluster.nodePorts[1], cluster.lbPort, (System.nanoTime() - t0) / 1e9);
            check.sessionsAreShared();
            check.crashRun(submissions, clients);
            check.deadlineScanOnce();
            exit = check.report();
        }
        System.out.printf("total %.0f s%n", (System.nanoTime() - t0) / 1e9);
        System.exit(exit);
    }

    // ---- sessions ----

    private void sessionsAreShared() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(cluster.nodeUrl(0) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(cluster.nodeUrl(0) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password=xinfang-demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> inboxOnB = browser.send(HttpRequest.newBuilder(URI.create(cluster.nodeUrl(1) + "/inbox")).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean shared = login.statusCode() == 302 && inboxOnB.statusCode() == 200;
        System.out.printf("sessions: signed in on node 1 (%d), inbox on node 2: %d -> %s%n", login.statusCode(),
                inboxOnB.statusCode(), shared ? "shared" : "NOT SHARED");
        if (!shared) {
            problems.add("the session of node 1 was not honoured by node 2");
        }
    }

    // ---- crash safety ----

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // marker -> number
    private final AtomicInteger errorsSeen = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    /**
     * Open except while node 1 restarts: new submissions wait for it (those in flight go on and retry), so that the
     * PostgreSQL outage at 60 % still meets a running load — with one node alone, the remaining submissions were
     * done before node 1 was back, and the outage hit nothing.
     */
    private volatile CountDownLatch running = new CountDownLatch(0);

    private void crashRun(int submissions, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < submissions; i++) {
            int n = i;
            pool.submit(() -> submit(run, n));
        }
        pool.shutdown();
        long t0 = System.nanoTime();
        await(() -> acknowledged.size() >= submissions * 3 / 10, Duration.ofMinutes(10));
        System.out.printf("crash: %d acknowledged; SIGKILL node 1 (new submissions wait for its restart)%n", acknowledged.size());
        running = new CountDownLatch(1);
        cluster.killNode(0);
        Thread.sleep(2000);
        cluster.startNode(0);
        cluster.awaitNode(0, Duration.ofMinutes(5));
        running.countDown();
        System.out.printf("crash: node 1 restarted, %d acknowledged%n", acknowledged.size());
        await(() -> acknowledged.size() >= submissions * 6 / 10, Duration.ofMinutes(10));
        System.out.printf("crash: %d acknowledged; stopping PostgreSQL%n", acknowledged.size());
        cluster.stopPostgres();
        Thread.sleep(5000);
        cluster.startPostgres();
        int atRestart = acknowledged.size();
        System.out.printf("crash: PostgreSQL started again, %d acknowledged%n", atRestart);
        if (atRestart >= submissions) {
            problems.add("the PostgreSQL outage met no running load (every submission was acknowledged before it)");
        }
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("crash: load done in %.0f s: %d acknowledged, %d errors seen and retried, %d gave up, %d rejected%n",
                seconds, acknowledged.size(), errorsSeen.get(), gaveUp.get(), rejected.get());
        if (rejected.get() > 0) {
            problems.add(rejected.get() + " valid submissions were rejected with a 4xx");
        }
    }

    /** One citizen's submission: retried with the same key until acknowledged (or 3 minutes pass). */
    private void submit(String run, int n) {
        try {
            running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String marker = "CK-" + run + "-" + n;
        String key = UUID.randomUUID().toString();
        String body = """
                {"name":"测试%d","idCardNumber":"%s","phone":"138%08d","address":"示范市东湖区翠湖路%d号",
                 "regionCode":"990102001","type":"APPEAL","category":"城乡建设",
                 "title":"%s 小区道路破损","content":"小区内道路破损多年，雨天积水严重，请求修缮。编号 %s。"}"""
                .formatted(n, idCard(n), n, n % 200 + 1, marker, marker);
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cluster.lbUrl() + "/api/v1/public/petitions"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    Matcher m = NUMBER.matcher(r.body());
                    if (m.find()) {
                        acknowledged.put(marker, m.group(1));
                        return;
                    }
                }
                if (r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 409 && r.statusCode() != 429) {
                    rejected.incrementAndGet();
                    System.out.println("rejected " + r.statusCode() + ": " + r.body());
                    return;
                }
                errorsSeen.incrementAndGet();
            } catch (IOException e) {
                errorsSeen.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        gaveUp.incrementAndGet();
    }

    // ---- checks in the database ----

    private int acknowledgedCount;
    private long found;
    private long duplicates;
    private long lost;
    private long withoutTimeline;
    private long incompletePublications;
    private long smsNotOnce;
    private long indexNotOnce;
    private long formNotOnce;
    private long clocks;
    private long missedEvents;
    private long missedFlags;

    private int report() throws Exception {
        System.out.println();
        System.out.println("== crash safety ==");
        System.out.printf("acknowledged %d, found %d, duplicates %d, lost %d, without timeline %d%n", acknowledgedCount, found,
                duplicates, lost, withoutTimeline);
        System.out.println("== events delivered once ==");
        System.out.printf("incomplete event publications %d; petitions whose receipt SMS is not exactly one: %d, "
                + "search rows not exactly one: %d, registration forms not exactly one: %d%n", incompletePublications, smsNotOnce,
                indexNotOnce, formNotOnce);
        System.out.println("== scheduled work once (deadline scans on both nodes) ==");
        System.out.printf("overdue clocks %d, DeadlineMissed events %d, clocks flagged missed %d%n", clocks, missedEvents, missedFlags);
        if (lost != 0) {
            problems.add(lost + " acknowledged petitions lost");
        }
        if (duplicates != 0) {
            problems.add(duplicates + " duplicate petitions");
        }
        if (withoutTimeline != 0) {
            problems.add(withoutTimeline + " petitions without a timeline");
        }
        if (incompletePublications != 0 || smsNotOnce != 0 || indexNotOnce != 0 || formNotOnce != 0) {
            problems.add("events not delivered exactly once");
        }
        if (missedEvents != clocks || missedFlags != clocks) {
            problems.add("deadline scan: " + missedEvents + " events for " + clocks + " clocks");
        }
        System.out.println(problems.isEmpty() ? "RESULT: OK" : "RESULT: FAILED " + problems);
        return problems.isEmpty() ? 0 : 1;
    }

    private void verifyPetitions() throws Exception {
        acknowledgedCount = acknowledged.size();
        try (Connection c = connectWithRetry()) {
            c.createStatement().execute("CREATE TEMP TABLE acked (marker text primary key, number text not null)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            found = one(c, "SELECT count(*) FROM acked a WHERE EXISTS (SELECT 1 FROM petition.petition p WHERE p.number = a.number)");
            lost = acknowledgedCount - found;
            // a duplicate is a second petition for one submission (same marker), acknowledged or not
            duplicates = one(c, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM petition.petition "
                    + "WHERE title LIKE 'CK-%' GROUP BY split_part(title, ' ', 1)) d");
            withoutTimeline = one(c, "SELECT count(*) FROM acked a JOIN petition.petition p ON p.number = a.number "
                    + "WHERE NOT EXISTS (SELECT 1 FROM petition.timeline t WHERE t.petition_id = p.id)");
            incompletePublications = one(c, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
            smsNotOnce = one(c, "SELECT count(*) FROM acked a JOIN petition.petition p ON p.number = a.number "
                    + "WHERE (SELECT count(*) FROM notification.sms_outbox s WHERE s.petition_id = p.id AND s.template = 'RECEIPT') <> 1");
            indexNotOnce = one(c, "SELECT count(*) FROM acked a JOIN petition.petition p ON p.number = a.number "
                    + "WHERE (SELECT count(*) FROM search.petition_text s WHERE s.petition_id = p.id) <> 1");
            formNotOnce = one(c, "SELECT count(*) FROM acked a JOIN petition.petition p ON p.number = a.number "
                    + "WHERE (SELECT count(*) FROM document.issued d WHERE d.petition_id = p.id AND d.kind = 'REGISTRATION_FORM') <> 1");
        }
    }

    // ---- scheduled work ----

    private void deadlineScanOnce() throws Exception {
        // first let the event publications of the run finish (resubmitted after the outage if need be)
        await(() -> {
            try (Connection c = connectWithRetry()) {
                return one(c, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL") == 0;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofMinutes(3));
        verifyPetitions();
        try (Connection c = connectWithRetry()) {
            java.sql.Timestamp since;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
                rs.next();
                since = rs.getTimestamp(1);
            }
            try (Statement s = c.createStatement()) {
                clocks = s.executeUpdate("UPDATE deadline.clock SET due_date = current_date - 3 "
                        + "WHERE state = 'RUNNING' AND NOT missed_raised");
            }
            System.out.printf("scan: %d running clocks made overdue; both nodes scan every 2 s%n", clocks);
            long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < end && one(c, "SELECT count(*) FROM deadline.clock WHERE state = 'RUNNING' AND NOT missed_raised") > 0) {
                Thread.sleep(1000);
            }
            Thread.sleep(10_000); // several more scans on both nodes: nothing may be raised twice
            missedFlags = one(c, "SELECT count(*) FROM deadline.clock WHERE missed_raised AND due_date = current_date - 3");
            // one registry row per event and listener: count the events of one listener
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM event_publication WHERE event_type LIKE '%DeadlineMissed' AND publication_date >= ?
                    GROUP BY listener_id ORDER BY 1 DESC LIMIT 1""")) {
                ps.setTimestamp(1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    missedEvents = rs.next() ? rs.getLong(1) : -1;
                }
            }
        }
    }

    private Connection connectWithRetry() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return cluster.sql();
            } catch (Exception e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static long one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** A valid 18-digit 居民身份证号码 (made up: 1980s birth dates, check digit by GB 11643). */
    static String idCard(int n) {
        String body = "110101" + String.format("198%d%02d%02d", n % 10, n / 10 % 12 + 1, n / 120 % 28 + 1) + String.format("%03d", n % 997);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
