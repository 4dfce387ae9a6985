package org.xinfang.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.deadline.Calendars;
import org.xinfang.support.Api;
import org.xinfang.support.Browser;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.JsonNode;

/**
 * October 2031 in 示范市, told case by case, and every indicator of that month checked to the unit. The
 * month holds the National Day holiday (1–7 October), so a simplified case answered on its tenth working
 * day is on time only because the holiday does not count; a case answered on its deadline day is on time;
 * a case forwarded to the wrong unit and returned counts for the unit that finally owed the notice.
 * <p>
 * The figures of a period are isolated by its dates (no other story lives in 2031). The backlog and the
 * deadline health are "as of" figures over all history, so for them the stories before this one are a
 * baseline and the month's cases must add exactly their share to it.
 */
@XinfangTest
class StatisticsStoryTests {

    static final String FROM = "2031-10-01";
    static final String TO = "2031-10-31";
    static final String PERIOD = "from=" + FROM + "&to=" + TO;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Calendars calendars;

    @Autowired
    StatisticsReports reports;

    StatisticsWorld world;

    /** The month is told once for the whole class; later tests read it. */
    static boolean told;
    static Map<String, StatisticsWorld.Receipt> cases = new java.util.HashMap<>();
    static JsonNode baseline;

    @BeforeEach
    void tellTheMonthOnce() {
        world = new StatisticsWorld(port, jdbc, clock);
        if (!told) {
            holidays();
            told = true; // once even if it fails: the tests then fail on what is missing, not by telling it twice
            world.at("2031-11-03", 10);
            baseline = figures("supervisor", PERIOD);
            tell();
        }
        world.at("2031-11-03", 10);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void removeHolidays(@Autowired JdbcClient jdbc, @Autowired Calendars calendars) {
        jdbc.sql("DELETE FROM deadline.calendar_day WHERE day BETWEEN '2031-10-01' AND '2031-10-07'").update();
        calendars.refresh();
    }

    /** 国庆节 2031: 1–7 October off (entered for the story; no make-up days). */
    private void holidays() {
        for (int d = 1; d <= 7; d++) {
            jdbc.sql("""
                    INSERT INTO deadline.calendar_day (day, kind, name) VALUES (?, 'HOLIDAY', '国庆节')
                    ON CONFLICT (day) DO UPDATE SET kind = 'HOLIDAY', name = '国庆节'""")
                    .param(LocalDate.of(2031, 10, d)).update();
        }
        calendars.refresh();
    }

    private void tell() {
        StatisticsWorld w = world;
        // G: received in June, never routed — backlog at 1 October, still unresolved at the end
        w.at("2031-06-21", 10);
        cases.put("G", w.letter("翠湖小区地下车库长期积水"));
        // F: received in June, accepted, answered only on 15 October — backlog resolved in October
        w.at("2031-06-20", 10);
        cases.put("F", w.letter("东湖路人行道破损无人修复"));
        w.at("2031-06-22", 10);
        w.forward(cases.get("F").number(), "990102-ZJJ");
        w.at("2031-06-25", 10);
        w.accept(cases.get("F").number(), false);
        // H: accepted 1 August; 60 days end 30 September; never answered — a completion missed on 1 October
        w.at("2031-07-30", 10);
        cases.put("H", w.letter("老旧小区加装电梯审批迟迟未办"));
        w.at("2031-07-31", 10);
        w.forward(cases.get("H").number(), "990102-ZJJ");
        w.at("2031-08-01", 10);
        w.accept(cases.get("H").number(), false);
        // K: forwarded 20 September; 15 days end 5 October, a holiday, so the notice is due 8 October; never given
        w.at("2031-09-18", 10);
        cases.put("K", w.letter("小区物业擅自占用公共绿地"));
        w.at("2031-09-20", 10);
        w.forward(cases.get("K").number(), "990102-ZJJ");
        // C: a first petition on the simplified track from 26 September; ten working days skip the holiday
        w.at("2031-09-24", 10);
        cases.put("C", w.letter("楼道照明损坏请求维修"));
        w.at("2031-09-25", 10);
        w.forward(cases.get("C").number(), "990102-ZJJ");
        w.at("2031-09-26", 10);
        w.accept(cases.get("C").number(), true);
        assertThat(w.due(cases.get("C").number(), "SIMPLIFIED")).as("10 working days with 1–7 October off")
                .isEqualTo("2031-10-17");
        assertThat(w.due(cases.get("K").number(), "ACKNOWLEDGE")).isEqualTo("2031-10-08");
        assertThat(w.due(cases.get("H").number(), "HANDLE")).isEqualTo("2031-09-30");

        // October receipts: D, E, M on 8 October
        w.at("2031-10-08", 9);
        cases.put("D", w.letter("小区电梯频繁故障困人"));
        w.at("2031-10-08", 10);
        cases.put("E", w.letter("住宅维修资金申请使用受阻"));
        w.at("2031-10-08", 11);
        cases.put("M", w.register("LETTER", null, "拖欠工资", "990103001", "工地拖欠农民工工资",
                "西山区某工地拖欠12名农民工工资共计36万元，请求督促支付。"));
        w.at("2031-10-09", 10);
        w.forward(cases.get("D").number(), "990102-ZJJ");
        // E goes to the wrong unit first: the 东湖区 government returns it the next day as the housing bureau's
        // matter, then 东湖区住建局 owes the notice
        w.forward(cases.get("E").number(), w.codeOf("东湖区"));
        w.at("2031-10-10", 10);
        w.step("reviewer", cases.get("E").number(), "return", Map.of("reason", "住宅维修资金使用属住建部门职责"));
        w.accept(cases.get("D").number(), false);
        w.at("2031-10-11", 10);
        w.forward(cases.get("E").number(), "990102-ZJJ");
        w.at("2031-10-13", 10);
        w.accept(cases.get("E").number(), false);
        w.at("2031-10-15", 10);
        w.answer(cases.get("F").number());
        // C answered on its deadline day, 17 October: on time
        w.at("2031-10-17", 9);
        w.step("handler", cases.get("C").number(), "reply", Map.of("outcome", "SUPPORTED",
                "text", "经核实，楼道照明已由物业于10月16日修复。如不服本答复，可自收到之日起30日内向东湖区人民政府申请复查。"));
        w.at("2031-10-17", 17);
        w.step("approver", cases.get("C").number(), "approve", Map.of("decision", "APPROVE"));
        w.at("2031-10-20", 10);
        w.answer(cases.get("D").number());
        w.rate(cases.get("C"), "SATISFIED");
        w.at("2031-10-21", 10);
        w.answer(cases.get("E").number());
        w.rate(cases.get("D"), "UNSATISFIED");
        // R: D's petitioner writes again about the same lift while D is open — a repeat, and skipping a level
        w.at("2031-10-22", 10);
        StatisticsWorld.Receipt d = cases.get("D");
        cases.put("R", w.register("LETTER", d.idCard(), "城乡建设", "990102001", "小区电梯频繁故障困人",
                "小区电梯频繁故障困人，请有关部门依法处理并答复。"));
        Api.Response review = w.anonymous().post("/api/v1/public/petitions/" + cases.get("E").number() + "/review-requests",
                Map.of("queryCode", cases.get("E").queryCode(), "reason", "维修资金使用程序答复不清"));
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        w.at("2031-10-28", 10);
        w.step("reviewer", cases.get("E").number(), "review-answer", Map.of("outcome", "UPHELD",
                "text", "经复查，原答复意见事实清楚，予以维持。如不服，可在30日内向示范市人民政府申请复核。"));
        // N: received by phone on 30 October; its routing is due in November
        w.at("2031-10-30", 15);
        cases.put("N", w.register("PHONE", null, "城乡建设", "990102001", "小区门口占道经营",
                "小区门口占道经营影响通行，请求整治。"));
    }

    private JsonNode figures(String user, String query) {
        Api.Response r = world.as(user).get("/api/v1/statistics/figures?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void rate(JsonNode rate, long numerator, long denominator) {
        assertThat(rate.get("numerator").asLong()).isEqualTo(numerator);
        assertThat(rate.get("denominator").asLong()).isEqualTo(denominator);
    }

    private static long slice(JsonNode slices, String key) {
        for (JsonNode s : slices) {
            if (s.get("key").asString().equals(key) || s.get("label").asString().equals(key)) {
                return s.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void every_indicator_of_october_has_its_exact_value() {
        JsonNode f = figures("supervisor", PERIOD);

        // volume: D, E, M, R (letters) and N (phone) received in October
        assertThat(f.get("received").asLong()).isEqualTo(5);
        assertThat(f.get("persons").asLong()).isEqualTo(5);
        assertThat(slice(f.get("byChannel"), "LETTER")).isEqualTo(4);
        assertThat(slice(f.get("byChannel"), "PHONE")).isEqualTo(1);
        assertThat(slice(f.get("byType"), "APPEAL")).isEqualTo(5);
        assertThat(slice(f.get("byCategory"), "城乡建设")).isEqualTo(4);
        assertThat(slice(f.get("byCategory"), "劳动和社会保障")).as("拖欠工资 counts under its first level").isEqualTo(1);
        assertThat(slice(f.get("byTerritory"), "990102")).isEqualTo(4);
        assertThat(slice(f.get("byTerritory"), "990103")).isEqualTo(1);
        long received8th = 0;
        for (JsonNode day : f.get("daily")) {
            if (day.get("date").asString().equals("2031-10-08")) {
                received8th = day.get("received").asLong();
            }
        }
        assertThat(received8th).isEqualTo(3);
        assertThat(f.get("daily")).hasSize(31);

        // 及时分流: D, E (twice: before and after its return) routed in time; M not routed by 23 October
        rate(f.get("timelyRouting"), 3, 4);
        // 按期受理: D and E (at 东湖区住建局, after the return) in time; K's notice, due 8 October after the
        // holiday, never given; E's cancelled duty at the 东湖区 government does not count
        rate(f.get("onTimeAcceptance"), 2, 3);
        // 按期办结: C on its deadline day, D, E in time; H missed on 30 September, decided on 1 October
        rate(f.get("onTimeCompletion"), 3, 4);
        // replies in October: F, C, D, E; rated C (满意) and D (不满意)
        rate(f.get("satisfaction"), 1, 2);
        rate(f.get("participation"), 2, 4);
        rate(f.get("repeat"), 1, 5);
        rate(f.get("skipLevel"), 1, 5);
        // 初信初访: F and C resolved at once; D rated unsatisfied (and repeated), E asked for 复查
        rate(f.get("firstResolution"), 2, 4);
        // 积案: F and G on top of the stories before; F resolved in October
        JsonNode backlog = f.get("backlogResolution");
        assertThat(backlog.get("denominator").asLong() - baseline.get("backlogResolution").get("denominator").asLong())
                .isEqualTo(2);
        assertThat(backlog.get("numerator").asLong() - baseline.get("backlogResolution").get("numerator").asLong())
                .isEqualTo(1);
        // 复查: E asked on 22 October and the opinion upheld on 28 October
        JsonNode reviews = f.get("reviews");
        assertThat(reviews.get("reviewRequests").asLong()).isEqualTo(1);
        assertThat(reviews.get("reviewAnswers").asLong()).isEqualTo(1);
        assertThat(reviews.get("reviewUpheld").asLong()).isEqualTo(1);
        assertThat(reviews.get("recheckRequests").asLong()).isZero();
        // the supervision module reports its 督办 orders: none was issued to these units in October 2031
        assertThat(f.get("supervision").asLong()).isZero();

        // ranking: 东湖区住建局 — acceptance 2/3, completion 3/4, satisfaction 1/2 → 0.4×75 + 0.3×66.7 + 0.3×50 = 65
        JsonNode dongHu = null;
        for (JsonNode u : f.get("ranking")) {
            if (u.get("unitId").asLong() == world.unitId("990102-ZJJ")) {
                dongHu = u;
            }
        }
        assertThat(dongHu).isNotNull();
        rate(dongHu.get("onTimeAcceptance"), 2, 3);
        rate(dongHu.get("onTimeCompletion"), 3, 4);
        rate(dongHu.get("satisfaction"), 1, 2);
        assertThat(dongHu.get("score").asDouble()).isCloseTo(65.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(dongHu.get("rank").asInt()).isEqualTo(1);

        // deadline health on 3 November: G and M (routing), K (notice), H (handling) overdue; N running in time
        JsonNode h = f.get("health");
        JsonNode h0 = baseline.get("health");
        assertThat(h.get("overdue").asLong() - h0.get("overdue").asLong()).isEqualTo(4);
        assertThat(h.get("running").asLong() - h0.get("running").asLong()).isEqualTo(5);
        assertThat(h.get("approaching").asLong() - h0.get("approaching").asLong()).isZero();
    }

    @Test
    void every_figure_leads_to_the_cases_behind_it() {
        Api supervisor = world.as("supervisor");
        JsonNode missedNotice = supervisor.get("/api/v1/statistics/cases?measure=ACCEPTANCE_MISSED&" + PERIOD).json();
        assertThat(missedNotice.get("total").asLong()).isEqualTo(1);
        assertThat(missedNotice.get("rows").get(0).get("number").asString()).isEqualTo(cases.get("K").number());
        assertThat(missedNotice.get("rows").get(0).get("dueDate").asString()).isEqualTo("2031-10-08");

        JsonNode late = supervisor.get("/api/v1/statistics/cases?measure=COMPLETION_MISSED&" + PERIOD).json();
        assertThat(numbers(late)).containsExactly(cases.get("H").number());
        JsonNode completion = supervisor.get("/api/v1/statistics/cases?measure=COMPLETION&" + PERIOD).json();
        assertThat(numbers(completion)).containsExactlyInAnyOrder(cases.get("H").number(), cases.get("C").number(),
                cases.get("D").number(), cases.get("E").number());

        JsonNode xishan = supervisor.get("/api/v1/statistics/cases?measure=RECEIVED&territory=990103&" + PERIOD).json();
        assertThat(numbers(xishan)).containsExactly(cases.get("M").number());
        JsonNode labour = supervisor.get("/api/v1/statistics/cases?measure=RECEIVED&category=劳动和社会保障&" + PERIOD).json();
        assertThat(numbers(labour)).containsExactly(cases.get("M").number());
        JsonNode phone = supervisor.get("/api/v1/statistics/cases?measure=RECEIVED&channel=PHONE&" + PERIOD).json();
        assertThat(numbers(phone)).containsExactly(cases.get("N").number());
        JsonNode repeats = supervisor.get("/api/v1/statistics/cases?measure=REPEAT&" + PERIOD).json();
        assertThat(numbers(repeats)).containsExactly(cases.get("R").number());
        JsonNode unresolved = supervisor.get("/api/v1/statistics/cases?measure=FIRST_UNRESOLVED&" + PERIOD).json();
        assertThat(numbers(unresolved)).containsExactlyInAnyOrder(cases.get("D").number(), cases.get("E").number());
        JsonNode backlogLeft = supervisor.get("/api/v1/statistics/cases?measure=BACKLOG_UNRESOLVED&" + PERIOD).json();
        assertThat(numbers(backlogLeft)).contains(cases.get("G").number()).doesNotContain(cases.get("F").number());
        JsonNode overdue = supervisor.get("/api/v1/statistics/cases?measure=OVERDUE_NOW&" + PERIOD).json();
        assertThat(numbers(overdue)).contains(cases.get("G").number(), cases.get("M").number(), cases.get("K").number(),
                cases.get("H").number()).doesNotContain(cases.get("N").number());
        JsonNode f = figures("supervisor", PERIOD);
        assertThat(overdue.get("total").asLong()).as("the list's total is the figure").isEqualTo(f.get("health").get("overdue").asLong());
    }

    @Test
    void a_unit_head_sees_the_figures_of_their_own_unit_only() {
        JsonNode own = figures("approver", PERIOD);
        // 东湖区住建局 received D and E; M, N and the repeat R never reached it
        assertThat(own.get("received").asLong()).isEqualTo(2);
        rate(own.get("onTimeAcceptance"), 2, 3);
        rate(own.get("onTimeCompletion"), 3, 4);
        // routing is the bureau's duty, not the unit's: nothing to count, shown as "—"
        rate(own.get("timelyRouting"), 0, 0);
        // another unit is outside the unit head's scope: a field error, not its figures
        Api.Response other = world.as("approver").get("/api/v1/statistics/figures?" + PERIOD + "&unit="
                + world.unitId("990103-ZJJ"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.fieldErrors()).containsKey("unit");
        // the 东湖区 government, which had E only until it returned it, owes nothing in October
        JsonNode government = figures("reviewer", PERIOD);
        assertThat(government.get("received").asLong()).isEqualTo(1);
        rate(government.get("onTimeAcceptance"), 0, 0);
        // the city supervisor may look at 东湖区 as a whole: the district and its departments
        JsonNode district = figures("supervisor", PERIOD + "&unit=" + world.unitId(world.codeOf("东湖区")));
        assertThat(district.get("received").asLong()).isEqualTo(2);
        rate(district.get("onTimeAcceptance"), 2, 3);
        rate(district.get("onTimeCompletion"), 3, 4);
        // case handlers do not read statistics
        assertThat(world.as("handler").get("/api/v1/statistics/figures?" + PERIOD).status()).isEqualTo(403);
    }

    @Autowired
    Indicators indicators;

    /**
     * A report reads the period before it (环比) through {@link Indicators#comparison}, a lighter query set than
     * {@link Indicators#of}: every figure it compares must be the very figure the full computation gives, for
     * the whole city and for a district, a unit and its confidential-case organ, in October and September.
     */
    @Test
    void the_period_a_report_compares_with_has_the_same_figures_as_the_full_computation() {
        org.xinfang.organization.StaffUser city = reports.systemUser();
        List<Long> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.add(world.unitId(world.codeOf("东湖区")));
        scopes.add(world.unitId("990102-ZJJ"));
        scopes.add(world.unitId("990102-JW"));
        for (StatisticsPeriod period : List.of(new StatisticsPeriod(LocalDate.parse(FROM), LocalDate.parse(TO)),
                StatisticsPeriod.monthOf(LocalDate.parse("2031-09-01")))) {
            for (Long unit : scopes) {
                Figures full = indicators.of(period, unit, city);
                Figures c = indicators.comparison(period, unit, city);
                String what = period.label() + " unit " + unit;
                assertThat(c.received()).as(what).isEqualTo(full.received());
                assertThat(c.persons()).as(what).isEqualTo(full.persons());
                assertThat(List.of(c.timelyRouting(), c.onTimeAcceptance(), c.onTimeCompletion(), c.satisfaction(),
                        c.participation(), c.repeat(), c.skipLevel(), c.firstResolution(), c.backlogResolution()))
                        .as(what)
                        .isEqualTo(List.of(full.timelyRouting(), full.onTimeAcceptance(), full.onTimeCompletion(),
                                full.satisfaction(), full.participation(), full.repeat(), full.skipLevel(),
                                full.firstResolution(), full.backlogResolution()));
            }
        }
        // and October's are the exact values of the story, not merely equal to each other
        Figures october = indicators.comparison(new StatisticsPeriod(LocalDate.parse(FROM), LocalDate.parse(TO)), null, city);
        assertThat(october.received()).isEqualTo(5);
        assertThat(october.timelyRouting()).isEqualTo(new Rate(3, 4));
        assertThat(october.onTimeAcceptance()).isEqualTo(new Rate(2, 3));
        assertThat(october.onTimeCompletion()).isEqualTo(new Rate(3, 4));
        assertThat(october.satisfaction()).isEqualTo(new Rate(1, 2));
        assertThat(october.firstResolution()).isEqualTo(new Rate(2, 4));
    }

    @Autowired
    org.xinfang.petition.PetitionScope petitionScope;

    /** The statistics' own copy of the petition scope (Reach.PETITION_SCOPE) admits exactly PetitionScope's petitions. */
    @Test
    void the_statistics_scope_admits_exactly_the_petitions_petition_scope_admits() {
        List<org.xinfang.organization.StaffUser> users = new ArrayList<>();
        users.add(reports.systemUser());
        Object[][] staff = { { "990102-ZJJ", org.xinfang.organization.DataScope.OWN_UNIT },
                { "990102-JW", org.xinfang.organization.DataScope.OWN_UNIT },
                { world.codeOf("东湖区"), org.xinfang.organization.DataScope.UNIT_AND_BELOW },
                { "990103-ZJJ", org.xinfang.organization.DataScope.OWN_UNIT } };
        for (Object[] u : staff) {
            users.add(new org.xinfang.organization.StaffUser(0, "t", "t", world.unitId((String) u[0]), (String) u[0],
                    java.util.Set.of(org.xinfang.organization.Role.APPROVER), (org.xinfang.organization.DataScope) u[1]));
        }
        // inside a transaction rolled back at the end: the story's cases made 检举控告-confidential, so that
        // the check covers both kinds of petition, and no other test sees the change
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("UPDATE petition.petition SET confidential = TRUE WHERE number = ANY(?)")
                    .param(cases.values().stream().map(StatisticsWorld.Receipt::number).toArray(String[]::new)).update();
            assertThat(sameAsPetitionScope(users))
                    .as("the check covers a caller who may not see every confidential petition").isTrue();
            tx.setRollbackOnly();
        });
        sameAsPetitionScope(users);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** @return whether some caller was denied some confidential petition */
    private boolean sameAsPetitionScope(List<org.xinfang.organization.StaffUser> users) {
        boolean someConfidentialHidden = false;
        // PetitionScope lets a petition held by a unit in scope pass without its access rows: that holds only
        // while the holding unit always has one (the story routes, returns and routes again)
        assertThat(jdbc.sql("""
                SELECT p.number FROM petition.petition p WHERE NOT EXISTS
                    (SELECT 1 FROM petition.access a WHERE a.petition_id = p.id AND a.unit_id = p.current_unit_id)""")
                .query(String.class).list()).as("petitions whose holding unit has no access row").isEmpty();
        for (org.xinfang.organization.StaffUser user : users) {
            Object[] params = petitionScope.parameters(user);
            List<String> expected = jdbc.sql("SELECT p.number FROM petition.petition p WHERE "
                    + org.xinfang.petition.PetitionScope.CONDITION + " ORDER BY 1").params(params).query(String.class).list();
            List<Object> bound = new ArrayList<>();
            Reach reach = indicators.scope(null, user).reach();
            reach.bindPetitions(bound);
            List<String> actual = jdbc.sql("SELECT p.number FROM petition.petition p WHERE " + reach.petitions()
                    + " ORDER BY 1").params(bound).query(String.class).list();
            assertThat(actual).as(user.unitName()).isEqualTo(expected);
            long confidential = jdbc.sql("SELECT count(*) FROM petition.petition WHERE confidential").query(Long.class).single();
            long seen = jdbc.sql("SELECT count(*) FROM petition.petition p WHERE p.confidential AND " + reach.petitions())
                    .params(bound).query(Long.class).single();
            someConfidentialHidden |= seen < confidential;
        }
        return someConfidentialHidden;
    }

    @Test
    void bad_periods_are_answered_with_field_errors() {
        Api supervisor = world.as("supervisor");
        Api.Response reversed = supervisor.get("/api/v1/statistics/figures?from=2031-10-31&to=2031-10-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.fieldErrors().get("to")).contains("不能早于");
        Api.Response garbage = supervisor.get("/api/v1/statistics/figures?from=2031-13-45&to=x");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.fieldErrors()).containsKeys("from", "to");
        Api.Response measure = supervisor.get("/api/v1/statistics/cases?measure=NOPE&" + PERIOD);
        assertThat(measure.status()).isEqualTo(400);
        Api.Response kind = supervisor.post("/api/v1/statistics/reports", Map.of("kind", "YEARLY", "from", FROM, "to", TO));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.fieldErrors()).containsKey("kind");
    }

    @Test
    void the_monthly_review_is_generated_once_by_the_scheduler_and_prints_and_exports() throws Exception {
        // 1 November 2031 is a Saturday: no daily sheet, no weekly analysis; the monthly review of October is due
        int made = reports.generateScheduled(LocalDate.parse("2031-11-01"));
        assertThat(made).isEqualTo(1);
        assertThat(reports.generateScheduled(LocalDate.parse("2031-11-01"))).as("once, however often it runs").isZero();

        JsonNode list = world.as("leader").get("/api/v1/statistics/reports").json();
        JsonNode monthly = null;
        for (JsonNode r : list) {
            if (r.get("kind").asString().equals("MONTHLY") && r.get("from").asString().equals(FROM) && r.get("scheduled").asBoolean()) {
                monthly = r;
            }
        }
        assertThat(monthly).isNotNull();
        assertThat(monthly.get("title").asString()).isEqualTo("示范市信访工作月点评（2031年10月1日至2031年10月31日）");
        long id = monthly.get("id").asLong();
        JsonNode report = world.as("leader").get("/api/v1/statistics/reports/" + id).json();
        String text = report.toString();
        assertThat(text).contains("共受理群众信访5件").contains("按期办结率75.0%").contains("单位排名").contains("点评");
        // a unit head cannot open the city's report
        assertThat(world.as("approver").get("/api/v1/statistics/reports/" + id).status()).isEqualTo(404);

        HttpResponse<byte[]> pdf = world.bytes("leader", "/api/v1/statistics/reports/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> xlsx = world.bytes("leader", "/api/v1/statistics/reports/" + id + "/xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("单位排名")).isNotNull();
            var rates = wb.getSheet("主要工作指标");
            assertThat(rates.getRow(3).getCell(0).getStringCellValue()).isEqualTo("按期办结率");
            assertThat(rates.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(0.75);
        }
    }

    @Test
    void a_bulletin_on_demand_names_the_overdue_cases_and_who_answers_for_them() {
        Api.Response made = world.as("supervisor").post("/api/v1/statistics/reports",
                Map.of("kind", "BIWEEKLY", "from", "2031-10-20", "to", "2031-11-02"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode report = world.as("supervisor").get("/api/v1/statistics/reports/" + made.json().get("id").asLong()).json();
        JsonNode overdueTable = null;
        for (JsonNode s : report.get("content").get("sections")) {
            for (JsonNode t : s.get("tables")) {
                if (t.get("caption").asString().equals("超期事项及责任人")) {
                    overdueTable = t;
                }
            }
        }
        assertThat(overdueTable).isNotNull();
        List<String> hRow = null;
        for (JsonNode row : overdueTable.get("rows")) {
            if (row.get(1).asString().equals(cases.get("H").number())) {
                hRow = new ArrayList<>();
                for (JsonNode v : row) {
                    hRow.add(v.asString());
                }
            }
        }
        // H: 东湖区住建局's handling period ended 30 September; the handler who accepted it and the unit head are named
        assertThat(hRow).isNotNull();
        assertThat(hRow.get(0)).isEqualTo("东湖区住房和城乡建设局");
        assertThat(hRow.get(3)).isEqualTo("办理");
        assertThat(hRow.get(4)).isEqualTo("2031-09-30");
        assertThat(hRow.get(5)).isEqualTo("34");
        assertThat(hRow.get(6)).isNotEqualTo("（未受理）");
        assertThat(hRow.get(7)).isEqualTo("赵立新");
    }

    @Test
    void the_supervisor_reads_the_dashboard_drills_down_and_generates_a_bulletin() {
        Page page = browser.newPage(Browser.Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("supervisor");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page).hasURL(url("/"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("统计分析")).click();
        page.getByLabel("起始日期").fill(FROM);
        page.getByLabel("截止日期").fill(TO);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("统计").setExact(true)).click();
        page.locator("#chart-trend svg").waitFor();
        page.locator("#chart-health svg").waitFor();
        var onTime = page.locator("a.kpi", new Page.LocatorOptions().setHasText("按期办结率"));
        assertThat(onTime.locator(".kpi-value").textContent()).isEqualTo("75.0%");
        assertThat(onTime.getAttribute("title")).contains("届满日当日或之前");
        assertThat(page.locator("table.heat tbody tr", new Page.LocatorOptions().setHasText("东湖区")).locator("td").first()
                .textContent().strip()).isEqualTo("4");
        browser.screenshot(page, "statistics-dashboard");

        page.locator("a.kpi", new Page.LocatorOptions().setHasText("按期受理率")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("未按期受理告知的事项");
        page.waitForLoadState(); // the whole streamed page, before reading rows without retries
        assertThat(page.locator("table.worklist tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("table.worklist tbody").textContent()).contains(cases.get("K").number()).contains("2031-10-08");
        browser.screenshot(page, "statistics-cases");

        page.navigate(url("/statistics/reports"));
        page.getByLabel("报表类型").selectOption("BIWEEKLY");
        page.getByLabel("起始日期").fill("2031-10-20");
        page.getByLabel("截止日期").fill("2031-11-02");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("生成报表")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                .containsText("双周通报（2031年10月20日至2031年11月2日）");
        // a web-first assertion: it retries until the page has arrived. Reading textContent() at once raced the
        // streamed page on a loaded machine — the caption had arrived, the rows after the bureau's own had not
        // (what made this test look order-dependent in session 2's CI runs).
        var overdue = page.locator("table.report-table", new Page.LocatorOptions().setHasText("超期事项及责任人"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(overdue).containsText(cases.get("H").number());
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                overdue.locator("tr", new Locator.LocatorOptions().setHasText(cases.get("H").number()))).containsText("赵立新");
        browser.screenshot(page, "statistics-report");
        assertThat(browser.problems(page)).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> numbers(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : list.get("rows")) {
            out.add(r.get("number").asString());
        }
        return out;
    }
}
