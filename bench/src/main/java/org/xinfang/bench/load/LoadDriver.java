package org.xinfang.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xinfang.bench.data.BenchDatabase;
import org.xinfang.shared.ChinaTime;

/**
 * A closed-model (or, paced, open-model) HTTP load driver for one Xinfang node (or a load balancer in front of several): N
 * clients, each on its own platform thread with its own connection and signed-in staff session, send
 * requests back to back in a weighted mix of {@link RequestType}s for a warm-up and then a measured
 * period. Public requests carry an {@code X-Forwarded-For} address drawn from a large pool, so the
 * public limits (ADR 003) count per citizen as they would behind the bureau's proxy, not per load
 * generator. Every acknowledged registration (201 with a number) is handed to a callback, so a crash
 * test can later check that each one exists exactly once.
 * <p>
 * Reusable: {@code new LoadDriver(url, samples).run(mix, clients, warmup, measure, receipts::add)}.
 */
public final class LoadDriver {

    /** A registration the node acknowledged: its number, id and the Idempotency-Key sent. */
    public record Acknowledged(RequestType type, String number, String id, String idempotencyKey, Instant at) {
    }

    /** The mix of a realistic working day: many look-ups, fewer registrations. */
    public static Map<RequestType, Integer> realisticMix() {
        Map<RequestType, Integer> mix = new EnumMap<>(RequestType.class);
        mix.put(RequestType.TRACKING, 30);
        mix.put(RequestType.CASE_PAGE, 25);
        mix.put(RequestType.INBOX, 20);
        mix.put(RequestType.PUBLIC_SUBMISSION, 15);
        mix.put(RequestType.STAFF_REGISTRATION, 10);
        return mix;
    }

    /** Only public submissions: for the throughput that is compared with PostgreSQL's ceiling. */
    public static Map<RequestType, Integer> submissionsOnly() {
        return Map.of(RequestType.PUBLIC_SUBMISSION, 1);
    }

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] REGIONS = { "990102", "990102001", "990102002", "990102101", "990103", "990103001",
            "990104002", "990105001", "990121100", "990102001001" };
    private static final String[] CATEGORIES = { "物业管理", "城乡建设", "拖欠工资", "噪声扰民", "入学与学位", "环境保护", "交通运输" };
    private static final String[] TITLES = { "小区电梯长期停运，物业拒不维修", "工地夜间施工噪声扰民", "拖欠农民工工资三个月未支付",
            "学校周边道路拥堵存在安全隐患", "企业排放污水污染河道", "公交线路调整后出行不便" };
    private static final String[] CONTENTS = { "本人是该小区居民，电梯已停运两个月，楼内多为老人，上下楼十分困难。多次向物业反映无果，恳请有关部门依法处理。",
            "附近工地每天施工至凌晨，噪声严重影响周边居民休息。曾拨打热线反映，至今未得到解决，请求督促整改。",
            "我们一行二十人在某项目务工，已被拖欠工资三个月。包工头现已无法联系，临近春节，请求政府帮助追讨。",
            "学校门口上下学时段车辆乱停乱放，学生过马路存在很大安全隐患，建议增设交通疏导和护栏。" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄" };
    private static final String[] BIRTHPLACES = { "110101", "320102", "420102", "440106", "510104" };

    private final String base;
    private final List<BenchDatabase.Sample> cases;
    private final List<BenchDatabase.Sample> tracked;
    private final List<BenchDatabase.Sample> handlerCases;
    private final AtomicInteger errorsShown = new AtomicInteger();

    /**
     * @param baseUrl the node, e.g. {@code http://localhost:8080}
     * @param samples numbers with their 查询码 (from the generator's sample file)
     */
    public LoadDriver(String baseUrl, List<BenchDatabase.Sample> samples) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tracked = samples;
        // the city clerk sees every petition but the confidential ones (检举控告 only for their organs)
        this.cases = samples.stream().filter(s -> !s.confidential()).toList();
        // the demo handler (东湖区住建局, own unit only) opens the cases his unit holds
        this.handlerCases = cases.stream().filter(s -> s.unitCode().equals("990102-ZJJ")).toList();
        if (samples.isEmpty() || cases.isEmpty()) {
            throw new IllegalArgumentException("no sampled petitions to look up");
        }
    }

    /**
     * Runs the mix with {@code clients} concurrent clients: {@code warmup} unmeasured, then
     * {@code measure} measured.
     *
     * @param acknowledged told of every registration answered 201 (warm-up included); may be {@code null}
     */
    public LoadResult run(Map<RequestType, Integer> mix, int clients, Duration warmup, Duration measure,
            Consumer<Acknowledged> acknowledged) throws Exception {
        return run(mix, clients, warmup, measure, acknowledged, () -> {
        });
    }

    /** Like {@link #run(Map, int, Duration, Duration, Consumer)}, calling {@code measuring} when the warm-up ends. */
    public LoadResult run(Map<RequestType, Integer> mix, int clients, Duration warmup, Duration measure,
            Consumer<Acknowledged> acknowledged, Runnable measuring) throws Exception {
        return run(mix, clients, warmup, measure, acknowledged, measuring, 0);
    }

    /**
     * Like {@link #run(Map, int, Duration, Duration, Consumer, Runnable)}; with {@code perSecond > 0} an open
     * model instead: the clients together start {@code perSecond} requests a second on a fixed schedule (each
     * client every {@code clients / perSecond} s, the clients staggered), whatever the answers' speed, and a
     * request's latency counts from its scheduled start — a request that had to wait for a late answer before it
     * is counts that wait too (no coordinated omission). This is latency at a given arrival rate, where the
     * closed model measures how much the node does when nobody ever waits.
     */
    public LoadResult run(Map<RequestType, Integer> mix, int clients, Duration warmup, Duration measure,
            Consumer<Acknowledged> acknowledged, Runnable measuring, double perSecond) throws Exception {
        Map<RequestType, Latencies> latencies = new EnumMap<>(RequestType.class);
        mix.keySet().forEach(t -> latencies.put(t, new Latencies()));
        RequestType[] wheel = wheel(mix);
        String token = token("clerk");
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // most staff clients are the city's clerks; every fourth a unit's handler with a narrow scope
            all.add(new Client(i % 4 == 3 && !handlerCases.isEmpty() ? "handler" : "clerk", token, acknowledged));
        }
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            long interval = perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0;
            for (int i = 0; i < all.size(); i++) {
                Client c = all.get(i);
                long firstSlot = start + interval * i / clients;
                running.add(pool.submit(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    long now;
                    long slot = firstSlot;
                    while ((now = System.nanoTime()) < end) {
                        if (interval > 0) {
                            if (slot > now) {
                                Thread.sleep((slot - now) / 1_000_000, (int) ((slot - now) % 1_000_000));
                            }
                            now = slot;
                            slot += interval;
                            if (now >= end) {
                                break;
                            }
                        }
                        RequestType type = wheel[r.nextInt(wheel.length)];
                        boolean ok = c.send(type, r);
                        long took = (System.nanoTime() - now) / 1000;
                        if (now >= measureFrom) {
                            if (ok) {
                                latencies.get(type).record(took);
                            } else {
                                latencies.get(type).error();
                            }
                        }
                    }
                    return null;
                }));
            }
            long untilMeasuring = measureFrom - System.nanoTime();
            if (untilMeasuring > 0) {
                Thread.sleep(untilMeasuring / 1_000_000, (int) (untilMeasuring % 1_000_000));
            }
            measuring.run();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = measure.toNanos() / 1e9;
        Map<RequestType, LoadResult.Stats> stats = new EnumMap<>(RequestType.class);
        latencies.forEach((t, l) -> stats.put(t, l.stats(seconds)));
        return new LoadResult(clients, seconds, stats);
    }

    private static RequestType[] wheel(Map<RequestType, Integer> mix) {
        List<RequestType> w = new ArrayList<>();
        mix.forEach((t, n) -> {
            for (int i = 0; i < n; i++) {
                w.add(t);
            }
        });
        return w.toArray(RequestType[]::new);
    }

    /** A bearer token for a demo user (password {@code xinfang-demo}). */
    private String token(String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"xinfang-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /**
     * One simulated user agent: a browser with its own connection, cookies and signed-in staff session for the
     * pages, and a cookie-less client for the REST calls — a petitioner's submission or tracking look-up and a
     * staff system's bearer-token registration carry no staff session (sending the browser's cookie made every
     * such call load and save the staff session as well).
     */
    private final class Client {
        private final HttpClient http;
        private final HttpClient rest;
        private final String staff;
        private final String token;
        private final Consumer<Acknowledged> acknowledged;

        Client(String staff, String token, Consumer<Acknowledged> acknowledged) throws IOException, InterruptedException {
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            this.rest = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            this.staff = staff;
            this.token = token;
            this.acknowledged = acknowledged;
            signIn();
        }

        private void signIn() throws IOException, InterruptedException {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "username=" + staff + "&password=xinfang-demo&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in of " + staff + " failed: " + r.statusCode());
            }
        }

        /** Sends one request of the type; true if it was answered as expected. */
        boolean send(RequestType type, ThreadLocalRandom r) {
            try {
                return switch (type) {
                    case PUBLIC_SUBMISSION -> submit(r);
                    case STAFF_REGISTRATION -> register(r);
                    case INBOX -> expect(get(http, inboxPath(r), null), 200, type);
                    case CASE_PAGE -> expect(get(http, "/cases/" + caseNumber(r), null), 200, type);
                    case TRACKING -> {
                        BenchDatabase.Sample s = tracked.get(r.nextInt(tracked.size()));
                        yield expect(get(rest, "/api/v1/public/petitions/" + enc(s.number()) + "?queryCode=" + s.queryCode(),
                                address(r)), 200, type);
                    }
                };
            } catch (IOException e) {
                showError(type, e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private String inboxPath(ThreadLocalRandom r) {
            if (staff.equals("handler")) {
                return "/inbox";
            }
            return switch (r.nextInt(5)) {
                case 0, 1 -> "/inbox";
                case 2 -> "/inbox?queue=ALL&mine=false";
                case 3 -> "/inbox?queue=OVERDUE&mine=false";
                default -> "/inbox?queue=ALL&mine=false&page=" + (1 + r.nextInt(50));
            };
        }

        private String caseNumber(ThreadLocalRandom r) {
            if (staff.equals("handler")) {
                return enc(handlerCases.get(r.nextInt(handlerCases.size())).number());
            }
            return enc(cases.get(r.nextInt(cases.size())).number());
        }

        private boolean submit(ThreadLocalRandom r) throws IOException, InterruptedException {
            String key = UUID.randomUUID().toString();
            String body = "{\"name\":\"" + SURNAMES[r.nextInt(SURNAMES.length)] + "某某\",\"idCardNumber\":\"" + idCard(r)
                    + "\",\"phone\":\"13" + String.format("%09d", r.nextInt(1_000_000_000)) + "\",\"address\":\"示范市东湖区人民路"
                    + (1 + r.nextInt(300)) + "号\",\"regionCode\":\"" + REGIONS[r.nextInt(REGIONS.length)] + "\",\"type\":\"APPEAL\""
                    + ",\"category\":\"" + CATEGORIES[r.nextInt(CATEGORIES.length)] + "\",\"title\":\"" + TITLES[r.nextInt(TITLES.length)]
                    + "\",\"content\":\"" + CONTENTS[r.nextInt(CONTENTS.length)] + "\"}";
            HttpResponse<String> resp = rest.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/public/petitions"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .header("X-Forwarded-For", address(r)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return acknowledge(RequestType.PUBLIC_SUBMISSION, resp, key);
        }

        private boolean register(ThreadLocalRandom r) throws IOException, InterruptedException {
            String key = UUID.randomUUID().toString();
            String channel = switch (r.nextInt(3)) {
                case 0 -> "LETTER";
                case 1 -> "VISIT";
                default -> "PHONE";
            };
            String received = OffsetDateTime.now(ChinaTime.ZONE).minusMinutes(1 + r.nextInt(600))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String body = "{\"channel\":\"" + channel + "\",\"receivedAt\":\"" + received + "\",\"petitioner\":{\"name\":\""
                    + SURNAMES[r.nextInt(SURNAMES.length)] + "某\",\"idCardNumber\":\"" + idCard(r) + "\",\"phone\":\"139"
                    + String.format("%08d", r.nextInt(100_000_000)) + "\",\"address\":\"示范市西山区解放路" + (1 + r.nextInt(300))
                    + "号\"},\"type\":\"APPEAL\",\"category\":\"" + CATEGORIES[r.nextInt(CATEGORIES.length)] + "\",\"regionCode\":\""
                    + REGIONS[r.nextInt(REGIONS.length)] + "\",\"title\":\"" + TITLES[r.nextInt(TITLES.length)] + "\",\"content\":\""
                    + CONTENTS[r.nextInt(CONTENTS.length)] + "\"}";
            HttpResponse<String> resp = rest.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/petitions"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return acknowledge(RequestType.STAFF_REGISTRATION, resp, key);
        }

        private boolean acknowledge(RequestType type, HttpResponse<String> resp, String key) {
            if (resp.statusCode() != 201) {
                showError(type, resp.statusCode() + " " + resp.body());
                return false;
            }
            if (acknowledged != null) {
                Matcher n = NUMBER.matcher(resp.body());
                Matcher id = ID.matcher(resp.body());
                acknowledged.accept(new Acknowledged(type, n.find() ? n.group(1) : null, id.find() ? id.group(1) : null, key,
                        Instant.now()));
            }
            return true;
        }

        private HttpResponse<String> get(HttpClient client, String path, String forwardedFor)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
            if (forwardedFor != null) {
                b.header("X-Forwarded-For", forwardedFor);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        private boolean expect(HttpResponse<String> resp, int status, RequestType type) {
            if (resp.statusCode() != status) {
                showError(type, resp.statusCode() + " " + resp.uri() + " " + resp.body());
                return false;
            }
            return true;
        }
    }

    private void showError(RequestType type, String what) {
        if (errorsShown.incrementAndGet() <= 10) {
            System.out.println("  ! " + type + ": " + what.substring(0, Math.min(300, what.length())));
        }
    }

    /** A citizen's address: public-looking (not a private or proxy range Tomcat would skip), from a large pool. */
    private static String address(ThreadLocalRandom r) {
        int[] firsts = { 36, 58, 59, 60, 61, 101, 106, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125 };
        return firsts[r.nextInt(firsts.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** A made-up ID card number with a valid check character. */
    private static String idCard(ThreadLocalRandom r) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(365 * 50));
        String first17 = BIRTHPLACES[r.nextInt(BIRTHPLACES.length)] + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", r.nextInt(1000));
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
