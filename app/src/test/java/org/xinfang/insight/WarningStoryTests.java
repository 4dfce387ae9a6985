package org.xinfang.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.OrganizationAdmin;
import org.xinfang.organization.Role;
import org.xinfang.organization.Units;
import org.xinfang.search.SearchStoryTests;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * 预警, "早发现、早处理、早化解": petitions with known dates raise warnings to the leader of the territory —
 * a spike against the territory's own baseline, many people about one place, a matter petitioned again and
 * again, a group visit — each once, updated as evidence arrives, acknowledged and handled with a note, and
 * seen only by those whose scope holds the territory. Each story lives in its own months of 2023, so the
 * rules see only its petitions.
 */
@XinfangTest
class WarningStoryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Warnings warnings;

    @Autowired
    Units units;

    @Autowired
    OrganizationAdmin organization;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant at(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime).atZone(ChinaTime.ZONE).toInstant();
    }

    Api as(String user) {
        return new Api(port).as(user);
    }

    static Map<String, Object> petition(Instant receivedAt, String idCard, String region, String category, String title,
            String content) {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "王小明");
        person.put("idCardNumber", idCard);
        person.put("phone", "13812345678");
        person.put("address", "示范市东湖区翠湖路88号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "LETTER");
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("category", category);
        body.put("regionCode", region);
        body.put("title", title);
        body.put("content", content);
        body.put("receivedAt", receivedAt.atZone(ChinaTime.ZONE).toOffsetDateTime().toString());
        return body;
    }

    /** Registers as the clerk, the clock standing at the time of receipt. */
    String register(Map<String, Object> body) {
        Instant receivedAt = Instant.from(java.time.OffsetDateTime.parse((String) body.get("receivedAt")));
        clock.set(receivedAt.plusSeconds(60));
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    String letter(Instant receivedAt, String region, String category, String title, String content) {
        return register(petition(receivedAt, IdCards.next(), region, category, title, content));
    }

    List<WarningView> all(WarningRule rule) {
        return warnings.list(new Warnings.Filter(List.of(), null, rule), leader());
    }

    org.xinfang.organization.StaffUser leader() {
        return new org.xinfang.organization.StaffUser(0, "leader", "陈志远",
                units.findByCode("990100").or(() -> units.territory("990100")).orElseThrow().id(), "示范市",
                Set.of(Role.LEADER), DataScope.TERRITORY_AND_BELOW);
    }

    long territoryId(String region) {
        return units.territory(region).orElseThrow().id();
    }

    List<String> evidenceNumbers(WarningView w) {
        return warnings.get(w.id(), leader()).evidence().stream().map(WarningView.Evidence::number).toList();
    }

    // ------------------------------------------------------------------ spike

    @Test
    void a_surge_in_one_district_and_category_against_its_own_eight_weeks_raises_one_spike_warning() {
        Instant now = at("2023-03-20T10:00:00");
        String road = SearchStoryTests.uniqueName();
        // ten weeks ago, so the platform has a baseline at all; then 1,2,1,0,2,1,1,2 a week (median 1, MAD 0.5)
        letter(now.minus(Duration.ofDays(70)), "990102001", "交通运输", road + "公交站牌缺失", "公交站牌被撞坏，请尽快修复。");
        int[] perWeek = { 1, 2, 1, 0, 2, 1, 1, 2 };
        for (int w = 0; w < perWeek.length; w++) {
            for (int i = 0; i < perWeek[w]; i++) {
                letter(now.minus(Duration.ofDays(7L * (w + 1) + 2 + i)), "990102001", "交通运输",
                        road + "路段公交班次少" + w + i, "公交班次太少，等车时间过长，请增加班次。");
            }
        }
        // 西山区 城乡建设 had none before and four this week: far above its baseline, but too few to be a spike
        for (int i = 0; i < 4; i++) {
            letter(now.minus(Duration.ofDays(1 + i)), "990103001", "城乡建设", road + "路灯不亮" + i, "小区路灯坏了很久，晚上出行不便。");
        }
        // this week: seven about 东湖区 transport
        List<String> surge = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            surge.add(letter(now.minus(Duration.ofHours(6 + 20L * i)), "990102001", "交通运输", road + "大道拥堵" + i,
                    road + "大道早晚高峰严重拥堵，红绿灯配时不合理，请交警部门调整。"));
        }
        clock.set(now);

        Api.Response evaluated = as("supervisor").post("/api/v1/warnings/evaluate", Map.of());
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);

        List<WarningView> spikes = all(WarningRule.SPIKE).stream().filter(w -> w.windowTo().toInstant().equals(now)).toList();
        assertThat(spikes).hasSize(1);
        WarningView spike = spikes.get(0);
        assertThat(spike.title()).startsWith("东湖区·交通运输").contains("近7日 7 件");
        assertThat(spike.reason()).contains("每周 2、1、1、2、0、1、2、1 件") // oldest first.contains("中位数 1，").contains("绝对中位差 0.5")
                .contains("稳健 z 值 6.0");
        assertThat(spike.level()).isEqualTo(WarningLevel.ORANGE); // z 6.0; transport is no key domain
        assertThat(spike.ownerUnitId()).isEqualTo(territoryId("990102"));
        assertThat(spike.status()).isEqualTo(WarningStatus.NEW);
        assertThat(evidenceNumbers(spike)).containsExactlyInAnyOrderElementsOf(surge);

        // the next evaluation the same week, with two more: the same warning, with the new evidence
        String more = letter(now.plus(Duration.ofHours(3)), "990102001", "交通运输", road + "大道拥堵再反映",
                road + "大道拥堵仍未改善。");
        clock.set(now.plus(Duration.ofHours(4)));
        warnings.evaluate();
        List<WarningView> again = all(WarningRule.SPIKE).stream().filter(w -> w.title().startsWith("东湖区·交通运输")
                && !w.windowTo().toInstant().isBefore(now)).toList();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).id()).isEqualTo(spike.id());
        assertThat(again.get(0).evidenceCount()).isEqualTo(8);
        assertThat(evidenceNumbers(again.get(0))).contains(more);
        assertThat(all(WarningRule.SPIKE)).noneMatch(w -> w.title().startsWith("西山区·城乡建设")
                && !w.windowTo().toInstant().isBefore(now));
    }

    // ------------------------------------------------------------------ cluster

    void awaitIndexed(List<String> numbers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("SELECT count(*) FROM search.petition_text WHERE number = ANY(?)")
                .param(numbers.toArray(String[]::new)).query(Integer.class).single() < numbers.size()) {
            assertThat(System.nanoTime()).as("petitions indexed for search").isLessThan(deadline);
            try {
                Thread.sleep(100); // the search index follows registration asynchronously, after commit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void owners_from_four_households_about_one_estate_in_two_weeks_raise_a_cluster_warning_which_grows_then_is_handled() {
        Instant now = at("2023-06-15T16:00:00");
        String estate = SearchStoryTests.uniqueName().replace("苑", "");
        String[] texts = { "开发商延期交房已经半年，业主多次协商无果，请求住建部门督促尽快交房。",
                "开发商承诺的交房日期一拖再拖，业主贷款照还却拿不到房，请求督促交房。",
                "延期交房至今没有说法，开发商拒绝支付违约金，业主请求住建部门查处。",
                "小区延期交房，开发商资金链断裂传闻不断，业主担心烂尾，请求政府介入督促交房。" };
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            numbers.add(letter(now.minus(Duration.ofDays(10 - 2L * i)), "990104001", "房地产管理",
                    estate + "花园小区延期交房", estate + "花园小区" + texts[i]));
        }
        // two people about another place: too few for a warning
        String other = SearchStoryTests.uniqueName().replace("苑", "");
        List<String> few = List.of(
                letter(now.minus(Duration.ofDays(5)), "990104001", "城乡建设", other + "广场夜间噪音", other + "广场广场舞音响太吵，晚上十点还不停。"),
                letter(now.minus(Duration.ofDays(4)), "990104001", "城乡建设", other + "广场噪音扰民", other + "广场每晚音响声音巨大，影响休息。"));
        awaitIndexed(numbers);
        awaitIndexed(few);
        clock.set(now);

        warnings.evaluate();
        warnings.evaluate(); // again: no second warning

        List<WarningView> found = all(WarningRule.CLUSTER).stream().filter(w -> w.title().contains(estate)).toList();
        assertThat(found).hasSize(1);
        WarningView cluster = found.get(0);
        assertThat(cluster.title()).startsWith("南江区·").contains(estate + "花园");
        assertThat(cluster.reason()).contains("有 4 位信访人就同一地点“").contains(estate + "花园");
        assertThat(cluster.keyDomain()).isTrue(); // 房地产
        assertThat(cluster.level()).isEqualTo(WarningLevel.ORANGE); // yellow for 4 people, one up for the key domain
        assertThat(cluster.ownerUnitId()).isEqualTo(territoryId("990104"));
        assertThat(evidenceNumbers(cluster)).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(all(WarningRule.CLUSTER)).noneMatch(w -> w.title().contains(other));

        // a fifth household three days later: the same warning, now with five petitions
        String fifth = letter(now.plus(Duration.ofDays(3)), "990104001", "房地产管理", estate + "花园小区何时交房",
                estate + "花园小区延期交房问题仍无进展，开发商不回应业主，请求督促交房。");
        awaitIndexed(List.of(fifth));
        clock.set(now.plus(Duration.ofDays(3)).plusSeconds(3600));
        warnings.evaluate();
        List<WarningView> grown = all(WarningRule.CLUSTER).stream().filter(w -> w.title().contains(estate)).toList();
        assertThat(grown).hasSize(1);
        assertThat(grown.get(0).id()).isEqualTo(cluster.id());
        assertThat(grown.get(0).evidenceCount()).isEqualTo(5);

        // handled; a new household afterwards is a new warning, not a silent update of a closed one
        warnings.acknowledge(cluster.id(), null, leader());
        warnings.handle(cluster.id(), "已约谈开发商，督促制定交房计划并向业主公示。", leader());
        String sixth = letter(now.plus(Duration.ofDays(5)), "990104001", "房地产管理", estate + "花园小区交房计划不落实",
                estate + "花园小区开发商公示的交房计划没有落实，业主再次请求督促交房。");
        awaitIndexed(List.of(sixth));
        clock.set(now.plus(Duration.ofDays(5)).plusSeconds(3600));
        warnings.evaluate();
        List<WarningView> after = all(WarningRule.CLUSTER).stream().filter(w -> w.title().contains(estate)).toList();
        assertThat(after).hasSize(2);
        assertThat(after).filteredOn(w -> w.status() == WarningStatus.NEW).singleElement()
                .satisfies(w -> assertThat(evidenceNumbers(w)).contains(sixth));
    }

    // ------------------------------------------------------------------ repeat rise

    @Test
    void one_matter_petitioned_again_three_times_in_a_month_raises_a_repeat_warning_two_times_does_not() {
        Instant now = at("2023-09-20T10:00:00");
        String site = SearchStoryTests.uniqueName().replace("苑", "");
        String idCard = IdCards.next();
        String title = site + "工地拖欠农民工工资";
        String content = site + "工地项目部拖欠我们十二名农民工工资共计三十万元，多次讨要无果，请求劳动监察部门督促支付。";
        String original = register(petition(now.minus(Duration.ofDays(25)), idCard, "990105001", "拖欠工资", title, content));
        List<String> repeats = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            repeats.add(register(petition(now.minus(Duration.ofDays(20 - 6L * i)), idCard, "990105001", "拖欠工资",
                    title, content)));
        }
        // another matter with only two repeats
        String otherId = IdCards.next();
        String otherTitle = site + "小区物业费收费不透明";
        String otherContent = site + "小区物业公司收费项目不公示，业主要求公开账目。";
        register(petition(now.minus(Duration.ofDays(20)), otherId, "990105001", "物业管理", otherTitle, otherContent));
        register(petition(now.minus(Duration.ofDays(10)), otherId, "990105001", "物业管理", otherTitle, otherContent));
        register(petition(now.minus(Duration.ofDays(5)), otherId, "990105001", "物业管理", otherTitle, otherContent));
        clock.set(now);

        warnings.evaluate();

        List<WarningView> found = all(WarningRule.REPEAT_RISE).stream().filter(w -> w.title().contains(site)).toList();
        assertThat(found).hasSize(1);
        WarningView w = found.get(0);
        assertThat(w.title()).startsWith("北岭区·重复信访：" + title).contains("3 次");
        assertThat(w.level()).isEqualTo(WarningLevel.ORANGE); // three repeats: yellow; wages are a key domain
        assertThat(w.ownerUnitId()).isEqualTo(territoryId("990105"));
        List<String> evidence = new ArrayList<>(List.of(original));
        evidence.addAll(repeats);
        assertThat(evidenceNumbers(w)).containsExactlyInAnyOrderElementsOf(evidence);
    }

    // ------------------------------------------------------------------ collective visit, status, scope

    Map<String, Object> visit(Instant at, int headcount, int representatives, String category, String title) {
        Map<String, Object> body = petition(at, IdCards.next(), "990102001", category, title,
                title + "，来访群众情绪激动，请求政府协调解决。");
        body.put("channel", "VISIT");
        body.put("headcount", headcount);
        List<Map<String, Object>> reps = new ArrayList<>();
        for (int i = 0; i < representatives; i++) {
            Map<String, Object> rep = new HashMap<>();
            rep.put("name", "代表" + "甲乙丙".charAt(i));
            rep.put("idCardNumber", IdCards.next());
            rep.put("phone", "1381234567" + i);
            rep.put("address", "示范市东湖区翠湖路" + i + "号");
            reps.add(rep);
        }
        if (representatives > 0) {
            body.put("representatives", reps);
        }
        return body;
    }

    @Test
    void a_group_visit_raises_a_warning_the_district_leader_sees_and_the_other_district_does_not_and_it_is_acknowledged_then_handled() {
        Instant now = at("2023-12-12T15:00:00");
        String firm = SearchStoryTests.uniqueName().replace("苑", "");
        String big = register(visit(now.minus(Duration.ofDays(1)), 30, 3, "拖欠工资", firm + "公司三十名员工集体讨薪"));
        String small = register(visit(now.minus(Duration.ofDays(1)), 4, 0, "城乡建设", firm + "小区四户居民反映停水"));
        clock.set(now);
        warnings.evaluate();

        List<WarningView> visits = all(WarningRule.COLLECTIVE_VISIT).stream().filter(w -> w.title().contains(firm)).toList();
        assertThat(visits).hasSize(1);
        WarningView w = visits.get(0);
        assertThat(w.title()).contains("30 人");
        assertThat(w.level()).isEqualTo(WarningLevel.RED); // 30 people: orange; wages: one up
        assertThat(evidenceNumbers(w)).containsExactly(big).doesNotContain(small);

        // scope: a leader of 东湖区 sees it; a leader of 西山区 does not; a case handler may not read warnings
        createLeader("donghuleader", "990102");
        createLeader("xishanleader", "990103");
        assertThat(ids(as("donghuleader").get("/api/v1/warnings?rule=COLLECTIVE_VISIT"))).contains(w.id());
        assertThat(ids(as("leader").get("/api/v1/warnings?rule=COLLECTIVE_VISIT"))).contains(w.id());
        assertThat(ids(as("xishanleader").get("/api/v1/warnings?rule=COLLECTIVE_VISIT"))).doesNotContain(w.id());
        assertThat(as("xishanleader").get("/api/v1/warnings/" + w.id()).status()).isEqualTo(404);
        assertThat(as("xishanleader").post("/api/v1/warnings/" + w.id() + "/acknowledge", Map.of()).status()).isEqualTo(404);
        assertThat(as("handler").get("/api/v1/warnings").status()).isEqualTo(403);
        assertThat(as("leader").post("/api/v1/warnings/evaluate", Map.of()).status()).isEqualTo(403);
        // the evidence lists only cases the reader may open: the city leader sees the visit; the district leader
        // is told of one case, not yet routed to the district, without its title
        Api.Response detail = as("leader").get("/api/v1/warnings/" + w.id());
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.json().get("evidence").get(0).get("number").asString()).isEqualTo(big);
        Api.Response district = as("donghuleader").get("/api/v1/warnings/" + w.id());
        assertThat(district.status()).as(district.body()).isEqualTo(200);
        assertThat(district.json().get("evidenceCount").asInt()).isEqualTo(1);
        assertThat(district.json().get("evidence").size()).isZero();

        // the leaders were told in their workbench: the district's (created after the warning: a unit notice reaches
        // whoever leads there when they look), and, the warning being red, the city's; not the other district's
        assertThat(notices("donghuleader")).anyMatch(n -> n.get("title").asString().equals("红色预警：东湖区·集体访（涉及 1 件）")
                && n.get("link").asString().equals("/warnings/" + w.id()));
        assertThat(notices("leader")).anyMatch(n -> n.get("link").asString().equals("/warnings/" + w.id()));
        assertThat(notices("xishanleader")).noneMatch(n -> n.get("link").asString().equals("/warnings/" + w.id()));

        // status: handled only after acknowledged, with a note; each step once
        String path = "/api/v1/warnings/" + w.id();
        assertThat(as("donghuleader").post(path + "/handle", Map.of("note", "已处置")).status()).isEqualTo(409);
        clock.set(now.plus(Duration.ofHours(1)));
        Api.Response ack = as("donghuleader").post(path + "/acknowledge", Map.of("note", "请人社局牵头核查欠薪"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo("东湖区领导");
        assertThat(ack.json().get("acknowledgeNote").asString()).isEqualTo("请人社局牵头核查欠薪");
        assertThat(as("leader").post(path + "/acknowledge", Map.of()).status()).isEqualTo(409);
        Api.Response noNote = as("donghuleader").post(path + "/handle", Map.of("note", "  "));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.fieldErrors()).containsKey("note");
        assertThat(noNote.fieldErrors().get("note")).contains("处置情况");
        assertThat(as("donghuleader").post(path + "/handle", Map.of("note", "x".repeat(Warnings.MAX_NOTE + 1))).status())
                .isEqualTo(400);
        Api.Response handled = as("donghuleader").post(path + "/handle",
                Map.of("note", "人社局已约谈企业负责人，企业承诺十日内足额支付工资。"));
        assertThat(handled.status()).as(handled.body()).isEqualTo(200);
        assertThat(handled.json().get("status").asString()).isEqualTo("HANDLED");
        assertThat(handled.json().get("handledAt").asString()).startsWith("2023-12-12T16:00");
        assertThat(as("donghuleader").post(path + "/handle", Map.of("note", "再次处置")).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE object_type = 'warning' AND object_id = ? AND action IN "
                + "('warning.acknowledged', 'warning.handled')").param(String.valueOf(w.id())).query(Integer.class).single())
                .isEqualTo(2);

        // evaluating again finds the same visit: nothing new, so no new warning
        warnings.evaluate();
        assertThat(all(WarningRule.COLLECTIVE_VISIT).stream().filter(x -> x.title().contains(firm))).hasSize(1);
    }

    List<JsonNode> notices(String user) {
        Api.Response r = as(user).get("/api/v1/notices");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        JsonNode items = r.json().has("items") ? r.json().get("items") : r.json();
        items.forEach(list::add);
        return list;
    }

    void createLeader(String username, String region) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization.staff_user WHERE username = ?)")
                .param(username).query(Boolean.class).single();
        if (!exists) {
            organization.createUser(username, region.equals("990102") ? "东湖区领导" : "西山区领导", territoryId(region),
                    Set.of(Role.LEADER), DataScope.UNIT_AND_BELOW, Api.DEMO_PASSWORD);
        }
    }

    static List<Long> ids(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode n : r.json()) {
            ids.add(n.get("id").asLong());
        }
        return ids;
    }
}
