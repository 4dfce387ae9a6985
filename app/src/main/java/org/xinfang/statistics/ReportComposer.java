package org.xinfang.statistics;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.insight.Hotspots;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Units;
import org.xinfang.shared.ChinaTime;

/**
 * Writes a report of a kind from the figures: the sheet's tables, and the sentences of the analysis, the
 * bulletin and the review (研判、通报、点评) derived from the figures by stated rules, never invented.
 */
@Component
class ReportComposer {

    /** A unit falls behind when a timeliness rate is below this, or when it has overdue duties. */
    static final double BEHIND_BELOW_PERCENT = 90.0;
    /** The overdue cases a bulletin lists per unit, the most recently overdue first (counts stay complete; the rest are one click away). */
    static final int OVERDUE_LISTED = 30;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final Indicators indicators;
    private final IndicatorQueries queries;
    private final Units units;
    private final Hotspots hotspots;

    ReportComposer(Indicators indicators, IndicatorQueries queries, Units units, Hotspots hotspots) {
        this.indicators = indicators;
        this.queries = queries;
        this.units = units;
        this.hotspots = hotspots;
    }

    ReportContent compose(ReportKind kind, StatisticsPeriod period, Long unitId, StaffUser user) {
        // the period before (环比) is read at the same time, on another connection, and only as far as compared
        java.util.concurrent.CompletableFuture<Figures> earlier = kind == ReportKind.DAILY ? null
                : indicators.async(() -> indicators.comparison(period.previous(), unitId, user));
        Figures f = indicators.of(period, unitId, user);
        String organ = f.scopeName();
        String title = organ + "信访工作" + kind.label() + "（" + period.label() + "）";
        List<ReportContent.Section> sections = new ArrayList<>();
        Figures before = earlier == null ? null : Indicators.join(earlier);
        sections.add(overview(f, before));
        sections.add(volumes(f));
        sections.add(rates(f, before));
        switch (kind) {
            case DAILY -> sections.add(health(f));
            case WEEKLY -> {
                sections.add(hotTopics(period, user));
                sections.add(behind(f));
                sections.add(health(f));
            }
            case BIWEEKLY -> {
                sections.add(ranking(f));
                sections.add(overdue(f, unitId, user));
            }
            case MONTHLY -> {
                sections.add(ranking(f));
                sections.add(behind(f));
                sections.add(reviewComments(f, before));
            }
        }
        return new ReportContent(title, organ, period.label(),
                f.computedAt().atZone(ChinaTime.ZONE).format(STAMP), List.copyOf(sections));
    }

    private ReportContent.Section overview(Figures f, Figures before) {
        List<String> p = new ArrayList<>();
        String trend = before == null ? "" : "，" + change("较上期", f.received(), before.received());
        p.add(f.period().label() + "，" + f.scopeName() + "共受理群众信访" + f.received() + "件、" + f.persons() + "人次" + trend
                + "。其中重复信访" + f.repeat().numerator() + "件（重复信访率" + f.repeat().display() + "），越级信访"
                + f.skipLevel().numerator() + "件（越级信访率" + f.skipLevel().display() + "）。");
        p.add("及时分流率" + f.timelyRouting().display() + "，按期受理率" + f.onTimeAcceptance().display() + "，按期办结率"
                + f.onTimeCompletion().display() + "，群众满意率" + f.satisfaction().display() + "（参评率"
                + f.participation().display() + "）。截至" + chinese(f) + "，在办事项中已超期" + f.health().overdue() + "项、临期"
                + f.health().approaching() + "项。");
        return new ReportContent.Section("一、总体情况", p, List.of());
    }

    private ReportContent.Section volumes(Figures f) {
        String q = query(f);
        List<ReportContent.Table> tables = new ArrayList<>();
        tables.add(slices("按信访渠道（信、访、电、网、微）", "渠道", f.byChannel(), f.received(),
                s -> "/statistics/cases?measure=RECEIVED&channel=" + s.key() + q));
        tables.add(slices("按信访类型", "类型", f.byType(), f.received(),
                s -> "/statistics/cases?measure=RECEIVED&type=" + s.key() + q));
        tables.add(slices("按内容分类（一级）", "分类", f.byCategory(), f.received(),
                s -> "/statistics/cases?measure=RECEIVED&category=" + enc(s.key()) + q));
        tables.add(slices("按属地（区县）", "属地", f.byTerritory(), f.received(),
                s -> "/statistics/cases?measure=RECEIVED&territory=" + s.key() + q));
        tables.add(slices("按当前承办单位", "单位", f.byUnit(), f.received(),
                s -> "/statistics/cases?measure=RECEIVED&holder=" + s.key() + q));
        return new ReportContent.Section("二、信访总量及分布", List.of(), tables);
    }

    private ReportContent.Section rates(Figures f, Figures before) {
        String q = query(f);
        List<List<String>> rows = new ArrayList<>();
        List<String> links = new ArrayList<>();
        Map<String, Rate[]> rates = new LinkedHashMap<>();
        rates.put("及时分流率", new Rate[] { f.timelyRouting(), before == null ? null : before.timelyRouting() });
        rates.put("按期受理率", new Rate[] { f.onTimeAcceptance(), before == null ? null : before.onTimeAcceptance() });
        rates.put("按期办结率", new Rate[] { f.onTimeCompletion(), before == null ? null : before.onTimeCompletion() });
        rates.put("群众满意率", new Rate[] { f.satisfaction(), before == null ? null : before.satisfaction() });
        rates.put("参评率", new Rate[] { f.participation(), before == null ? null : before.participation() });
        rates.put("重复信访率", new Rate[] { f.repeat(), before == null ? null : before.repeat() });
        rates.put("越级信访率", new Rate[] { f.skipLevel(), before == null ? null : before.skipLevel() });
        rates.put("初信初访一次性化解率", new Rate[] { f.firstResolution(), before == null ? null : before.firstResolution() });
        rates.put("积案化解率", new Rate[] { f.backlogResolution(), before == null ? null : before.backlogResolution() });
        String[] measures = { "ROUTING", "ACCEPTANCE", "COMPLETION", "RATED", "REPLIED", "REPEAT", "SKIP_LEVEL",
                "FIRST_REPLIED", "BACKLOG" };
        int i = 0;
        for (Map.Entry<String, Rate[]> e : rates.entrySet()) {
            Rate now = e.getValue()[0];
            Rate prev = e.getValue()[1];
            List<String> row = new ArrayList<>(List.of(e.getKey(), String.valueOf(now.numerator()),
                    String.valueOf(now.denominator()), now.display()));
            if (before != null) {
                row.add(prev.display());
                row.add(points(now, prev));
            }
            rows.add(row);
            links.add("/statistics/cases?measure=" + measures[i++] + q);
        }
        List<String> headers = before == null ? List.of("指标", "分子", "分母", "本期")
                : List.of("指标", "分子", "分母", "本期", "上期", "变化");
        Figures.Reviews r = f.reviews();
        List<List<String>> reviewRows = List.of(
                List.of("复查", String.valueOf(r.reviewRequests()), String.valueOf(r.reviewAnswers()),
                        String.valueOf(r.reviewUpheld()), String.valueOf(r.reviewChanged()), String.valueOf(r.reviewRedo()),
                        r.reviewUpheldRate().display(), r.reviewChangedRate().display()),
                List.of("复核", String.valueOf(r.recheckRequests()), String.valueOf(r.recheckAnswers()),
                        String.valueOf(r.recheckUpheld()), String.valueOf(r.recheckChanged()), String.valueOf(r.recheckRedo()),
                        r.recheckUpheldRate().display(), r.recheckChangedRate().display()));
        List<String> p = new ArrayList<>();
        p.add("督办：" + (f.supervision() == null ? "—（督办模块未接入）" : "本期督办" + f.supervision() + "件") + "。");
        return new ReportContent.Section("三、主要指标", p, List.of(
                new ReportContent.Table("主要工作指标", headers, rows, links),
                new ReportContent.Table("复查复核", List.of("事项", "申请", "办结", "维持", "变更", "责令重新办理", "维持率", "变更率"),
                        reviewRows, List.of("/statistics/cases?measure=REVIEW_REQUESTED" + q,
                                "/statistics/cases?measure=RECHECK_REQUESTED" + q))));
    }

    private ReportContent.Section health(Figures f) {
        String q = query(f);
        List<List<String>> rows = new ArrayList<>();
        for (Figures.PeriodHealth h : f.health().byPeriod()) {
            rows.add(List.of(h.label(), String.valueOf(h.running()), String.valueOf(h.running() - h.approaching() - h.overdue()),
                    String.valueOf(h.approaching()), String.valueOf(h.overdue())));
        }
        rows.add(List.of("合计", String.valueOf(f.health().running()), String.valueOf(f.health().onTrack()),
                String.valueOf(f.health().approaching()), String.valueOf(f.health().overdue())));
        return new ReportContent.Section("期限健康度（截至" + chinese(f) + "）",
                List.of("临期指" + Indicators.APPROACHING_DAYS + "日内（含当日）届满；超期指已过届满日仍未履行。"),
                List.of(new ReportContent.Table("在办时限", List.of("时限", "在办", "正常", "临期", "超期"), rows,
                        List.of())));
    }

    private ReportContent.Section hotTopics(StatisticsPeriod period, StaffUser user) {
        List<List<String>> rows = new ArrayList<>();
        List<String> p = new ArrayList<>();
        try {
            List<Hotspots.Hotspot> now = hotspots.between(period.from(), period.to(), 8, user);
            List<Hotspots.Hotspot> prior = hotspots.between(period.previous().from(), period.previous().to(), 20, user);
            for (Hotspots.Hotspot h : now) {
                boolean isNew = prior.stream().noneMatch(o -> o.title().equals(h.title()));
                rows.add(List.of(h.title(), h.category() == null ? "—" : h.category(), String.valueOf(h.petitions()),
                        String.valueOf(h.petitioners()), isNew ? "新出现" : "持续"));
            }
            long fresh = rows.stream().filter(r -> r.get(4).equals("新出现")).count();
            p.add(rows.isEmpty() ? "本期未形成集中反映的热点。" : "本期形成热点" + rows.size() + "个，其中新出现" + fresh + "个，应重点关注。");
        } catch (RuntimeException e) {
            p.add("热点分析暂不可用：" + e.getMessage());
        }
        return new ReportContent.Section("热点研判", p, rows.isEmpty() ? List.of()
                : List.of(new ReportContent.Table("本期热点", List.of("热点", "分类", "件数", "人数", "与上期相比"), rows, List.of())));
    }

    private ReportContent.Section behind(Figures f) {
        String q = query(f);
        List<List<String>> rows = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Figures.UnitFigures u : f.ranking()) {
            boolean behind = below(u.onTimeAcceptance()) || below(u.onTimeCompletion()) || u.overdueNow() > 0;
            if (behind) {
                rows.add(List.of(u.unitName(), u.onTimeAcceptance().display(), u.onTimeCompletion().display(),
                        String.valueOf(u.overdueNow())));
                links.add("/statistics/cases?measure=OVERDUE_NOW&unit=" + u.unitId() + q.replaceAll("&unit=\\d+", ""));
            }
        }
        List<String> p = List.of(rows.isEmpty() ? "本期各单位按期受理率、按期办结率均不低于" + (int) BEHIND_BELOW_PERCENT + "%，且无超期事项。"
                : "以下" + rows.size() + "个单位按期受理率或按期办结率低于" + (int) BEHIND_BELOW_PERCENT + "%，或有超期未办结事项，需加强督促。");
        return new ReportContent.Section("工作滞后单位", p, rows.isEmpty() ? List.of()
                : List.of(new ReportContent.Table("滞后单位", List.of("单位", "按期受理率", "按期办结率", "当前超期"), rows, links)));
    }

    private static boolean below(Rate r) {
        return r.percent() != null && r.percent() < BEHIND_BELOW_PERCENT;
    }

    private ReportContent.Section ranking(Figures f) {
        List<List<String>> rows = new ArrayList<>();
        for (Figures.UnitFigures u : f.ranking()) {
            rows.add(List.of(u.rank() == 0 ? "—" : String.valueOf(u.rank()), u.unitName(), String.valueOf(u.received()),
                    u.onTimeAcceptance().display(), u.onTimeCompletion().display(), u.satisfaction().display(),
                    String.valueOf(u.overdueNow()), u.score() == null ? "—" : String.format("%.1f", u.score())));
        }
        List<String> p = List.of("综合得分 = 按期办结率×40% + 按期受理率×30% + 群众满意率×30%；某项本期无可计数事项的，按其余指标的权重折算。");
        return new ReportContent.Section("单位排名", p, List.of(new ReportContent.Table("单位排名",
                List.of("名次", "单位", "本期受理", "按期受理率", "按期办结率", "满意率", "当前超期", "综合得分"), rows, List.of())));
    }

    private ReportContent.Section overdue(Figures f, Long unitId, StaffUser user) {
        Indicators.Scope s = indicators.scope(unitId, user);
        List<IndicatorQueries.OverdueRow> items = queries.overdue(f.today(), OVERDUE_LISTED, s.reach());
        Map<Long, List<String>> heads = units.headsOf(items.stream().map(IndicatorQueries.OverdueRow::unitId).distinct().toList());
        List<List<String>> rows = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (IndicatorQueries.OverdueRow o : items) {
            String head = String.join("、", heads.getOrDefault(o.unitId(), List.of()));
            rows.add(List.of(s.names().getOrDefault(o.unitId(), "#" + o.unitId()), o.number(), o.title(),
                    StatutoryPeriod.valueOf(o.period()).label(), o.dueDate().toString(),
                    String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(o.dueDate(), f.today())),
                    o.handler() == null ? "（尚无经办人）" : o.handler(), head.isEmpty() ? "（未设负责人）" : head));
            links.add("/cases/" + o.number());
        }
        List<String> p = new ArrayList<>();
        p.add("截至" + chinese(f) + "，共有" + f.health().overdue() + "项法定时限超期未履行，涉及"
                + f.ranking().stream().filter(u -> u.overdueNow() > 0).count() + "个单位。现予通报，请责任单位立即办理并说明超期原因。"
                + (f.health().overdue() > items.size() ? "下表按单位列出其中" + items.size() + "项（每个单位最近超期的至多" + OVERDUE_LISTED
                        + "项，按届满日由近及远），全部超期事项见各单位的明细清单。" : ""));
        return new ReportContent.Section("超期事项通报", p, List.of(new ReportContent.Table("超期事项及责任人",
                List.of("责任单位", "信访件编号", "事项", "时限", "届满日", "超期天数", "经办人", "单位负责人"), rows, links)));
    }

    private ReportContent.Section reviewComments(Figures f, Figures before) {
        List<String> p = new ArrayList<>();
        p.add(comment("按期办结率", f.onTimeCompletion(), before.onTimeCompletion()));
        p.add(comment("按期受理率", f.onTimeAcceptance(), before.onTimeAcceptance()));
        p.add(comment("群众满意率", f.satisfaction(), before.satisfaction()));
        List<Figures.UnitFigures> ranked = f.ranking().stream().filter(u -> u.rank() > 0).toList();
        if (!ranked.isEmpty()) {
            Figures.UnitFigures best = ranked.get(0);
            Figures.UnitFigures worst = ranked.get(ranked.size() - 1);
            p.add("综合得分最高的是" + best.unitName() + "（" + String.format("%.1f", best.score()) + "分）"
                    + (ranked.size() > 1 ? "，最低的是" + worst.unitName() + "（" + String.format("%.1f", worst.score()) + "分）" : "") + "。");
        }
        if (f.health().overdue() > 0) {
            p.add("仍有" + f.health().overdue() + "项法定时限超期，相关单位须在下月通报前办结并报告原因。");
        }
        return new ReportContent.Section("点评", p, List.of());
    }

    private static String comment(String name, Rate now, Rate prev) {
        if (now.percent() == null) {
            return name + "：本月无可计数事项。";
        }
        return name + now.display() + (prev.percent() == null ? "。" : "，" + points(now, prev).replace("+", "上升").replace("-", "下降")
                .replace("持平", "与上月持平") + "。");
    }

    private static String points(Rate now, Rate prev) {
        if (now.percent() == null || prev == null || prev.percent() == null) {
            return "—";
        }
        double d = now.percent() - prev.percent();
        return Math.abs(d) < 0.05 ? "持平" : String.format("%+.1f个百分点", d);
    }

    private static String change(String prefix, long now, long prev) {
        if (prev == 0) {
            return prefix + (now == 0 ? "持平" : "增加" + now + "件");
        }
        double pct = 100.0 * (now - prev) / prev;
        return prefix + (now >= prev ? "上升" : "下降") + String.format("%.1f%%", Math.abs(pct));
    }

    private static ReportContent.Table slices(String caption, String head, List<Figures.Slice> slices, long total,
            java.util.function.Function<Figures.Slice, String> link) {
        List<List<String>> rows = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Figures.Slice s : slices) {
            rows.add(List.of(s.label(), String.valueOf(s.count()), new Rate(s.count(), total).display()));
            links.add(link.apply(s));
        }
        return new ReportContent.Table(caption, List.of(head, "件数", "占比"), rows, links);
    }

    private static String chinese(Figures f) {
        return f.today().getYear() + "年" + f.today().getMonthValue() + "月" + f.today().getDayOfMonth() + "日";
    }

    /** The period and unit of a drill-down link. */
    static String query(Figures f) {
        return "&from=" + f.period().from() + "&to=" + f.period().to() + (f.scopeUnitId() == null ? "" : "&unit=" + f.scopeUnitId());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
