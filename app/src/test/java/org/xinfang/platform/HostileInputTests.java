package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.beans.BeanUtils;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.XinfangTest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Input robustness: random and hostile payloads at every endpoint of the running platform — the REST
 * API (checked against the OpenAPI document) and the web forms of the workbench and the portal, as
 * anonymous visitors and as every staff role. Wrong types, huge and odd Unicode strings, nulls, deep
 * JSON, injection strings, impossible dates, negative and overflowing numbers, bad numbers in paths.
 * <p>
 * Two properties must hold for every request: the answer is never a 5xx (a bad request is the
 * caller's mistake, told as a 4xx, never a crash), and a rejected request (4xx) stores nothing — the
 * row counts of the main tables are the same after it as before.
 * <p>
 * The values come from jqwik generators (in a {@link JqwikSession}) drawn with a fixed seed ({@code -Dxinfang.fuzz.seed}), so a
 * failure is reproducible; {@code -Dxinfang.fuzz.tries} sets the tries per endpoint (CI runs the
 * default, a longer hunt passes more). The generators are sampled inside this JUnit Jupiter test, not
 * as a jqwik {@code @Property}, so the test shares the cached Spring context of the other tests
 * instead of starting a platform of its own.
 */
@XinfangTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIES = Integer.getInteger("xinfang.fuzz.tries", 12);
    private static final long SEED = Long.getLong("xinfang.fuzz.seed", 20261122L);

    /** The tables a rejected request must leave alone (audit, rate counters and tokens may move). */
    private static final List<String> GUARDED_TABLES = List.of("petition.petition", "petition.timeline",
            "petition.access", "petition.category", "people.petitioner", "intake.attachment", "intake.idempotency",
            "deadline.clock", "deadline.calendar_day", "deadline.period_rule", "notification.sms_outbox",
            "document.issued", "document.file", "document.template", "organization.unit",
            "organization.staff_user", "organization.user_role", "search.petition_text", "portal.draft");

    private static final List<String> STAFF = List.of("clerk", "handler", "approver", "supervisor", "leader", "admin");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, WebSession> sessions = new LinkedHashMap<>();
    private final List<String> petitionNumbers = new ArrayList<>();
    private String countQuery;
    private WebSession apiClient;

    @BeforeAll
    void signInAndRegisterAPetition() {
        Api api = new Api(port);
        for (String user : STAFF) {
            tokens.put(user, tokenOf(api, user));
            sessions.put(user, WebSession.signIn(port, user));
        }
        sessions.put("", WebSession.anonymous(port));
        apiClient = new WebSession(port);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "模糊测试");
        person.put("idCardNumber", IdCards.next());
        person.put("phone", "13812345678");
        person.put("address", "示范市东湖区翠湖路88号");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "LETTER");
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("category", "城乡建设");
        body.put("regionCode", "990102001");
        body.put("title", "小区道路破损");
        body.put("content", "小区内道路破损多年，请求修缮。");
        Api.Response r = new Api(port).as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        petitionNumbers.add(r.json().get("number").asString());
        StringBuilder q = new StringBuilder("SELECT ");
        for (int i = 0; i < GUARDED_TABLES.size(); i++) {
            q.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM ").append(GUARDED_TABLES.get(i)).append(")");
        }
        countQuery = q.toString();
    }

    @Test
    void every_endpoint_of_the_openapi_document_is_among_those_fuzzed() {
        // the document is built on first request, which on a loaded machine can take longer than Api's 30 s
        HttpResponse<String> docs = new WebSession(port).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).timeout(Duration.ofMinutes(3)).GET().build());
        assertThat(docs).isNotNull();
        JsonNode doc = JSON.readTree(docs.body());
        Set<String> fuzzed = new LinkedHashSet<>();
        for (Endpoint e : endpoints()) {
            fuzzed.add(e.method() + " " + e.pattern());
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String key = op.getKey().toUpperCase() + " " + path.getKey();
                if (!fuzzed.contains(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(fuzzed).hasSizeGreaterThan(40);
    }

    @Test
    void hostile_input_never_gets_a_5xx_and_a_rejected_request_stores_nothing() throws InterruptedException {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        // jqwik's generators need a session of theirs outside a jqwik property
        JqwikSession.start(Long.toString(SEED));
        try {
        for (Endpoint endpoint : endpoints()) {
            for (int i = 0; i < TRIES; i++) {
                String who = random.nextInt(7) == 0 ? "" : STAFF.get(random.nextInt(STAFF.size()));
                HttpRequest request = endpoint.api() ? apiRequest(endpoint, who, random) : formRequest(endpoint, who, random);
                settle();
                List<Long> before = counts();
                HttpResponse<String> response = (endpoint.api() ? apiClient : sessions.get(who)).send(request);
                requests++;
                String what = endpoint.method() + " " + request.uri() + " as " + (who.isEmpty() ? "anonymous" : who);
                if (response == null) {
                    failures.add(what + ": no answer (" + lastFailure + ")");
                    continue;
                }
                int status = response.statusCode();
                if (status >= 500) {
                    failures.add(what + ": " + status + " " + abbreviate(response.body(), 300) + " for " + abbreviate(lastBody, 300));
                } else if (status >= 400) {
                    List<Long> after = counts();
                    if (!after.equals(before)) {
                        failures.add(what + ": " + status + " but stored rows: " + changed(before, after));
                    }
                }
            }
        }
        } finally {
            JqwikSession.finish();
        }
        System.out.println("HostileInputTests: " + requests + " requests at " + endpoints().size()
                + " endpoints, seed " + SEED + ", " + failures.size() + " failures");
        assertThat(failures).as("requests answered 5xx or storing rows although rejected").isEmpty();
    }

    // ---- the endpoints, from the application's own request mappings ----

    record Endpoint(String method, String pattern, HandlerMethod handler) {
        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = m.getKey();
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Collection<RequestMethod> used = methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods;
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger") || pattern.equals("/error")) {
                    continue; // the framework's own endpoints
                }
                for (RequestMethod method : used) {
                    all.add(new Endpoint(method.name(), pattern, m.getValue()));
                }
            }
        }
        all.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
        return all;
    }

    // ---- requests ----

    private String lastBody = "";

    private HttpRequest apiRequest(Endpoint endpoint, String who, Random random) {
        Params params = Params.of(endpoint.handler());
        String uri = uri(endpoint, params, random);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        if (!who.isEmpty()) {
            b.header("Authorization", "Bearer " + tokens.get(who));
        }
        headers(b, params, random);
        b.header("Accept-Language", random.nextBoolean() ? "zh-CN" : "en");
        String body;
        if (endpoint.method().equals("GET") || endpoint.method().equals("DELETE")) {
            body = null;
        } else if (params.bodyFields().isEmpty() && random.nextInt(3) > 0) {
            body = "{}";
        } else {
            body = jsonBody(params.bodyFields(), random);
        }
        lastBody = body == null ? "" : body;
        if (body == null) {
            b.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            String type = random.nextInt(12) == 0 ? pick(random, "text/plain", "application/xml", "image/png", "application/json; charset=latin1")
                    : "application/json";
            b.header("Content-Type", type).method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return b.build();
    }

    private HttpRequest formRequest(Endpoint endpoint, String who, Random random) {
        Params params = Params.of(endpoint.handler());
        String uri = uri(endpoint, params, random);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        headers(b, params, random);
        b.header("Accept-Language", random.nextBoolean() ? "zh-CN" : "en");
        if (random.nextBoolean()) {
            b.header("HX-Request", "true");
        }
        if (endpoint.method().equals("GET")) {
            lastBody = "";
            return b.GET().build();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", sessions.get(who).csrf());
        for (String field : params.formFields()) {
            if (random.nextInt(5) > 0) {
                form.put(field, Hostile.string(random));
            }
        }
        if (!params.fileFields().isEmpty() && random.nextBoolean()) {
            String boundary = "----xinfang" + random.nextLong();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            form.forEach((k, v) -> part(out, boundary, "Content-Disposition: form-data; name=\"" + k + "\"", v.getBytes(StandardCharsets.UTF_8)));
            for (String file : params.fileFields()) {
                byte[] data = new byte[random.nextInt(4096)];
                random.nextBytes(data);
                if (random.nextBoolean() && data.length > 8) {
                    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 0, data, 0, 8);
                }
                String name = Hostile.string(random).replaceAll("[\"\\r\\n]", "");
                part(out, boundary, "Content-Disposition: form-data; name=\"" + file + "\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + pick(random, "image/png", "application/pdf", "text/html", "application/x-msdownload"), data);
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            lastBody = "multipart " + form;
            return b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        lastBody = body.toString();
        return b.header("Content-Type", "application/x-www-form-urlencoded")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] data) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void headers(HttpRequest.Builder b, Params params, Random random) {
        for (String header : params.headers()) {
            if (random.nextInt(4) > 0) {
                // header values must be visible ASCII on the wire; the hostility is in length and content
                String value = Hostile.string(random).replaceAll("[^\\x21-\\x7e]", "x");
                b.header(header, value.isEmpty() ? "x" : abbreviate(value, 4000));
            }
        }
    }

    private String uri(Endpoint endpoint, Params params, Random random) {
        StringBuilder path = new StringBuilder();
        Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(endpoint.pattern());
        int last = 0;
        while (m.find()) {
            path.append(endpoint.pattern(), last, m.start());
            path.append(encodePath(pathValue(m.group(1), params.pathTypes().get(m.group(1)), random)));
            last = m.end();
        }
        path.append(endpoint.pattern().substring(last));
        StringBuilder query = new StringBuilder();
        for (String name : params.queryParams()) {
            if (random.nextInt(3) > 0) {
                query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(Hostile.string(random), StandardCharsets.UTF_8));
            }
        }
        return "http://localhost:" + port + path + query;
    }

    private String pathValue(String name, Class<?> type, Random random) {
        if (name.equals("number") && random.nextBoolean()) {
            return petitionNumbers.get(0);
        }
        if (type != null && type.isEnum() && random.nextBoolean()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)].toString();
        }
        if (name.equals("id") || name.endsWith("Id")) {
            // never a plausible id: the fuzzer must not disable a real user or unit shared with other tests
            return pick(random, "-1", "0", "9223372036854775807", "9223372036854775808", "1e3", "1.5", "abc",
                    UUID.randomUUID().toString(), "99999999999999999999999", "%00", Hostile.string(random));
        }
        return Hostile.string(random);
    }

    private static String encodePath(String value) {
        if (value.isEmpty()) {
            return "%20";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String jsonBody(List<String> fields, Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return Hostile.rawBody(random);
            case 1:
                return JSON.writeValueAsString(Hostile.json(random, 0));
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                for (String field : fields) {
                    if (random.nextInt(5) > 0) {
                        body.put(field, Hostile.json(random, 0));
                    }
                }
                if (random.nextInt(4) == 0) {
                    body.put(Hostile.string(random), Hostile.json(random, 0));
                }
                return JSON.writeValueAsString(body);
        }
    }

    // ---- what a handler method takes, read from its signature ----

    record Params(Map<String, Class<?>> pathTypes, List<String> queryParams, List<String> headers, List<String> bodyFields,
            List<String> formFields, List<String> fileFields) {

        static Params of(HandlerMethod handler) {
            Map<String, Class<?>> path = new LinkedHashMap<>();
            List<String> query = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            List<String> body = new ArrayList<>();
            List<String> form = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                String name = p.getParameterName();
                PathVariable pv = p.getParameterAnnotation(PathVariable.class);
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                RequestPart part = p.getParameterAnnotation(RequestPart.class);
                RequestHeader rh = p.getParameterAnnotation(RequestHeader.class);
                if (pv != null) {
                    path.put(first(pv.value(), pv.name(), name), type);
                } else if (rh != null) {
                    headers.add(first(rh.value(), rh.name(), name));
                } else if (isFile(p) && (rp != null || part != null)) {
                    files.add(rp != null ? first(rp.value(), rp.name(), name) : first(part.value(), part.name(), name));
                } else if (rp != null) {
                    String n = first(rp.value(), rp.name(), name);
                    query.add(n);
                    form.add(n);
                } else if (p.hasParameterAnnotation(RequestBody.class)) {
                    body.addAll(fieldsOf(type));
                } else if (BeanUtils.isSimpleProperty(type) && name != null) {
                    query.add(name);
                    form.add(name);
                } else if (p.hasParameterAnnotation(ModelAttribute.class) || type.getName().startsWith("org.xinfang.")) {
                    List<String> fields = fieldsOf(type);
                    form.addAll(fields);
                    query.addAll(fields);
                }
            }
            return new Params(path, query, headers, body, form, files);
        }

        private static boolean isFile(MethodParameter p) {
            Class<?> t = p.getParameterType();
            return MultipartFile.class.isAssignableFrom(t)
                    || (Collection.class.isAssignableFrom(t) && p.getNestedParameterType() == MultipartFile.class)
                    || t == MultipartFile[].class;
        }

        private static List<String> fieldsOf(Class<?> type) {
            List<String> names = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    names.add(c.getName());
                }
            } else if (type.getName().startsWith("org.xinfang.")) {
                for (Field f : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        names.add(f.getName());
                    }
                }
            }
            return names;
        }

        private static String first(String... candidates) {
            for (String c : candidates) {
                if (c != null && !c.isEmpty()) {
                    return c;
                }
            }
            return "value";
        }
    }

    // ---- hostile values ----

    /** The generators: jqwik arbitraries drawn with the test's own seeded {@link Random}. */
    static final class Hostile {

        private static final List<String> NASTY = List.of("", " ", "null", "undefined", "NaN", "Infinity", "-1", "0",
                "-9223372036854775809", "9223372036854775808", "1e309", "0x1F", "1,5", "true",
                "' OR '1'='1", "'; DROP TABLE petition.petition; --", "\") OR 1=1 --", "1; SELECT pg_sleep(0)",
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>",
                "{{7*7}}", "${7*7}", "[[${7*7}]]", "*{T(java.lang.Runtime).getRuntime()}", "#{1+1}",
                "${jndi:ldap://localhost/x}", "../../../../etc/passwd", "..%2f..%2f", "%00", "\u0000", "a\u0000b",
                "\r\nSet-Cookie: x=1", "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b\u200d\ufeff", "\ud800",
                "\udfff\ud800", "😀👨‍👩‍👧‍👦", "Z̴̡͎̈́a̸̛̺l̵̰̈g̷̣̏o̷̬͝", "ＡＢＣ１２３", "𠀀𪚥", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ",
                "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31T25:61:61", "-0001-01-01", "2026/01/01",
                "1970-01-01T00:00:00Z", "P-1D", "PT99999999999H", "00000000-0000-0000-0000-000000000000",
                "not-a-uuid", "XF990100-2026-0000001", "990102001", "99010200199999", "LETTER", "APPEAL",
                "110101199003077777", "11010119900307777X", "+86 138 1234 5678", "13812345678901234567",
                "\\", "\\u0000", "%", "%%", "?", "#", "&", "=", ";", "/", "//", "..", ".");

        /*
         * Each family is drawn on its own (the test picks the family with its seeded Random): jqwik's
         * combinators such as oneOf() need a jqwik thread, plain arbitraries do not.
         */
        private static final List<Arbitrary<String>> STRINGS = List.of(
                Arbitraries.of(NASTY),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().ascii().ofMaxLength(80),
                Arbitraries.strings().withChars('a', '中', '\u0301', '\ud83d', '\u0000', '\n').ofMinLength(1000).ofMaxLength(70_000),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(BigInteger::toString));

        private static final List<Arbitrary<?>> NUMBERS = List.of(
                Arbitraries.longs(),
                Arbitraries.integers().between(-10, 10),
                Arbitraries.doubles().between(-1e15, 1e15),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.1 + 0.2),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)));

        /** Made once: building a jqwik generator is far dearer than drawing from it. */
        private static final Map<Arbitrary<?>, RandomGenerator<?>> GENERATORS = new java.util.HashMap<>();

        private static Object draw(Arbitrary<?> arbitrary, Random random) {
            return GENERATORS.computeIfAbsent(arbitrary, a -> a.generator(1000)).next(random).value();
        }

        static String string(Random random) {
            // the nasty list half of the time, the long strings rarely (they are slow to send)
            int family = random.nextBoolean() ? 0 : random.nextInt(20) == 0 ? 4 : pick(random, 1, 2, 3, 5);
            return (String) draw(STRINGS.get(family), random);
        }

        static Object number(Random random) {
            return draw(NUMBERS.get(random.nextInt(NUMBERS.size())), random);
        }

        static Object json(Random random, int depth) {
            int kind = depth > 3 ? random.nextInt(4) : random.nextInt(7);
            switch (kind) {
                case 0:
                    return string(random);
                case 1:
                    return number(random);
                case 2:
                    return random.nextBoolean();
                case 3:
                    return null;
                case 4: {
                    List<Object> list = new ArrayList<>();
                    if (depth == 0 && random.nextInt(20) == 0) {
                        for (int i = random.nextInt(2000); i > 0; i--) { // a long flat list
                            list.add(number(random));
                        }
                        return list;
                    }
                    for (int i = random.nextInt(4); i > 0; i--) {
                        list.add(json(random, depth + 1));
                    }
                    return list;
                }
                default: {
                    Map<String, Object> map = new LinkedHashMap<>();
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        map.put(pick(random, "name", "idCardNumber", "phone", "data", "contentType", "unitId", "mode",
                                "decision", "day", string(random)), json(random, depth + 1));
                    }
                    return map;
                }
            }
        }

        static String rawBody(Random random) {
            switch (random.nextInt(8)) {
                case 0:
                    return "[".repeat(5000) + "]".repeat(5000);
                case 1:
                    return "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
                case 2:
                    return "{\"title\": \"unterminated";
                case 3:
                    return "\u0000\u0001\u0002";
                case 4:
                    return "null";
                case 5:
                    return "\"" + "长".repeat(2_000_000) + "\"";
                case 6:
                    return "{\"title\": 1e99999, \"unitId\": 1e99999}";
                default:
                    return string(random);
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    // ---- bookkeeping ----

    /**
     * Waits for the listeners of earlier, accepted requests (documents, search index, SMS run after
     * commit): their rows must not be blamed on the next request.
     */
    private void settle() throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).single() > 0) {
            Thread.sleep(50);
        }
    }

    private List<Long> counts() {
        return jdbc.sql(countQuery).query((rs, n) -> {
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= GUARDED_TABLES.size(); i++) {
                values.add(rs.getLong(i));
            }
            return values;
        }).single();
    }

    private static String changed(List<Long> before, List<Long> after) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                s.append(GUARDED_TABLES.get(i)).append(' ').append(before.get(i)).append("→").append(after.get(i)).append(' ');
            }
        }
        return s.toString();
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    private static String tokenOf(Api api, String user) {
        Api.Response r = api.post("/api/v1/auth/token", Map.of("username", user, "password", Api.DEMO_PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asString();
    }

    /** Why the last request that got no answer got none (the client's exception), for the failure message. */
    private static volatile String lastFailure = "";

    /** A browser-like client: its own cookies (the session) and the session's CSRF token. */
    static final class WebSession {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

        private final HttpClient http;
        private final String base;
        private String csrf;

        private WebSession(int port) {
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            this.base = "http://localhost:" + port;
        }

        static WebSession anonymous(int port) {
            WebSession s = new WebSession(port);
            s.csrf = s.csrfOf("/portal/submit");
            return s;
        }

        static WebSession signIn(int port, String user) {
            WebSession s = new WebSession(port);
            String token = s.csrfOf("/login");
            HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Api.DEMO_PASSWORD + "&_csrf="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build());
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
            s.csrf = s.csrfOf("/");
            return s;
        }

        String csrf() {
            return csrf;
        }

        private String csrfOf(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
            Matcher m = CSRF.matcher(r.body());
            assertThat(m.find()).as("a CSRF token on " + path).isTrue();
            return m.group(1).replace("&#45;", "-");
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException closedKeepAlive) {
                    // a pooled keep-alive connection the server closed just as it was reused fails once on the
                    // client side; a server that really drops the request drops the retry too
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }
            } catch (java.io.IOException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
