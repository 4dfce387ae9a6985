package org.xinfang.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;
import org.xinfang.petition.DeclineGround;
import org.xinfang.petition.PetitionViews;
import org.xinfang.routing.RoutingPolicies;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.RuleViolationException;

/**
 * Fills a template from the case: works out every placeholder's value from the petition's full view, the
 * step that triggered the document and the units involved, and lays the filled blocks out as an
 * {@link OfficialDocument}. Refuses a document whose step has not happened (no reply, no review …).
 */
@Component
class DocumentComposer {

    /** What the caller knows beyond the case: who issues, to whom, and the 督办 details. */
    record Request(DocumentKind kind, long issuingUnitId, Long addresseeUnitId, Map<String, String> extras) {
    }

    private static final Pattern EXTENSION_NOTE = Pattern.compile("延长办理期限(\\d+)日。理由：(.*)", Pattern.DOTALL);
    private static final Pattern REVIEW_NOTICE = Pattern.compile("(30|三十)[日天][^。]{0,30}复查|复查[^。]{0,30}(30|三十)[日天]");

    /** Short names of departments for a default 机关代字, by unit code suffix; administrators may set their own. */
    private static final Map<String, String> DEPARTMENT_CODES = Map.ofEntries(Map.entry("XFJ", "信访"),
            Map.entry("ZJJ", "住建"), Map.entry("RSJ", "人社"), Map.entry("JYJ", "教"), Map.entry("HBJ", "环"),
            Map.entry("WJW", "卫健"), Map.entry("JTJ", "交运"), Map.entry("SWJ", "商务"), Map.entry("WLJ", "文旅"),
            Map.entry("ZRJ", "自然资源"), Map.entry("SFJ", "司法"), Map.entry("GAJ", "公安"), Map.entry("JW", "纪"),
            Map.entry("ZFW", "政法"), Map.entry("FY", "法"));

    private final Units units;
    private final RoutingPolicies routing;

    DocumentComposer(Units units, RoutingPolicies routing) {
        this.units = units;
        this.routing = routing;
    }

    /** The 机关代字 of a unit: the template's, else the territory's first character and the department's short name. */
    String docCode(Template template, Unit issuing) {
        if (template.docCode() != null && !template.docCode().isBlank()) {
            return template.docCode();
        }
        Unit territory = units.territoryOf(issuing);
        String place = territory.name().substring(0, 1);
        if (issuing.kind() == UnitKind.TERRITORY) {
            return place + "政";
        }
        String suffix = issuing.code().contains("-") ? issuing.code().substring(issuing.code().indexOf('-') + 1) : "";
        return place + DEPARTMENT_CODES.getOrDefault(suffix, issuing.name().replace(territory.name(), "").substring(0, 2));
    }

    /** The 文号 prefix without year and number, e.g. 东住建信受. */
    static String numberPrefix(String docCode, DocumentKind kind) {
        return docCode + (docCode.endsWith("信访") ? "" : "信") + kind.numberCode();
    }

    /** How an organ is named in a document: a territory is its people's government (东湖区 → 东湖区人民政府). */
    static String organ(Unit unit) {
        return unit.kind() == UnitKind.TERRITORY && !unit.name().endsWith("政府") ? unit.name() + "人民政府" : unit.name();
    }

    private String organ(long unitId) {
        return units.find(unitId).map(DocumentComposer::organ).orElse("");
    }

    static String docNumber(String prefix, int year, int n) {
        return prefix + "〔" + year + "〕" + n + "号";
    }

    OfficialDocument compose(Template template, Request request, PetitionViews.Detail c, String docNumber, LocalDate today) {
        Unit issuing = units.find(request.issuingUnitId()).orElseThrow();
        String organ = template.organName() != null && !template.organName().isBlank() ? template.organName() : organ(issuing);
        Map<String, String> v = values(request, c, organ, today);
        List<String> paragraphs = new ArrayList<>();
        for (String p : Placeholders.fill(template.block("body"), v).split("\n")) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        List<OfficialDocument.Row> rows = new ArrayList<>();
        for (String line : template.block("rows").split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                rows.add(new OfficialDocument.Row(line.substring(0, bar).strip(),
                        Placeholders.fill(line.substring(bar + 1), v).strip()));
            }
        }
        String mark = c.flags().confidential() ? "内部 · 注意保密（检举控告材料不得转交被检举控告人）" : null;
        if (request.kind().addressedToPetitioner()) {
            mark = null; // the petitioner's own copy carries no internal marking
        }
        return new OfficialDocument(request.kind(), mark, organ, docNumber, Placeholders.fill(template.title(), v),
                blankToNull(Placeholders.fill(template.block("addressee"), v)), paragraphs, rows,
                blankToNull(Placeholders.fill(template.block("closing"), v)), organ, ChineseDates.of(today),
                template.seal(), blankToNull(Placeholders.fill(template.block("footnote"), v)));
    }

    /** Every placeholder's value for this case and step; refuses kinds whose step has not happened. */
    Map<String, String> values(Request request, PetitionViews.Detail c, String organ, LocalDate today) {
        DocumentKind kind = request.kind();
        Map<String, String> v = new HashMap<>();
        String name = c.petitioner().name() + (c.headcount() > 1 ? "等" + c.headcount() + "人" : "");
        v.put("信访人", name);
        v.put("信访件编号", c.number());
        v.put("收到日期", ChineseDates.of(c.receivedAt()));
        v.put("登记日期", ChineseDates.of(c.registeredAt()));
        v.put("登记人", c.registeredBy());
        v.put("来源渠道", c.channelLabel());
        v.put("事项", c.title());
        v.put("内容", c.content());
        v.put("问题属地", place(c.regionCode()));
        v.put("内容分类", c.category() == null ? "未分类" : c.category());
        v.put("信访类型", c.typeLabel());
        v.put("紧急程度", c.flags().urgent() ? "紧急" : "一般");
        v.put("身份证号码", nonNull(c.petitioner().idCardNumber()));
        v.put("联系电话", nonNull(c.petitioner().phone()));
        v.put("住址", nonNull(c.petitioner().address()));
        v.put("人数", Integer.toString(c.headcount()));
        v.put("以往信访", c.flags().repeatOf() != null ? "重复信访，原信访件" + c.flags().repeatOf()
                : c.flags().firstTime() ? "初信初访" : "曾有信访记录" + (c.flags().skipLevel() ? "；越级信访" : ""));
        v.put("本次处理", c.statusLabel() + "（" + organ(c.currentUnit().id()) + "）");
        v.put("办理状态", c.statusLabel());
        v.put("发文机关", organ);
        v.put("发文日期", ChineseDates.of(today));
        v.put("接收机关", organ(request.addresseeUnitId() == null ? c.currentUnit().id() : request.addresseeUnitId()));
        String router = organ(c.receivingUnit().id());
        v.put("转送机关", router);
        v.put("转送情况", c.routeMode() == null ? "系向本机关直接提出"
                : switch (c.routeMode()) {
                    case "ASSIGN" -> "经" + router + "交办本机关";
                    case "TO_DISCIPLINE" -> "经" + router + "转本机关";
                    default -> "经" + router + "转送本机关";
                });
        v.put("交办情况", "ASSIGN".equals(c.routeMode()) ? "交办" : "转送");
        v.put("受理机关", organ(c.currentUnit().id()));
        v.put("受理日期", timeline(c, "ACCEPTED").map(t -> ChineseDates.of(t.at())).orElse(""));
        v.put("办理期限", deadline(c, "HANDLE").or(() -> deadline(c, "SIMPLIFIED"))
                .map(d -> ChineseDates.of(d.dueDate())).orElse(""));
        v.put("反馈期限", deadline(c, "ASSIGNMENT_FEEDBACK").map(d -> ChineseDates.of(d.dueDate())).orElse("按交办要求"));
        v.put("承办人", timeline(c, "REPLY_DRAFTED").map(PetitionViews.TimelineView::actor).orElse(""));
        v.putAll(request.extras() == null ? Map.of() : request.extras());

        switch (kind) {
            case EXTENSION_NOTICE -> {
                PetitionViews.TimelineView ext = timeline(c, "EXTENDED")
                        .orElseThrow(() -> new RuleViolationException("document.notYet", kind.label(), "延期"));
                Matcher m = EXTENSION_NOTE.matcher(ext.note());
                v.put("延期天数", m.matches() ? m.group(1) : "");
                v.put("延期理由", m.matches() ? m.group(2).strip().replaceAll("[。.；;]+$", "") : "");
            }
            case NOT_ACCEPTED_NOTICE -> {
                if (c.declineGround() == null) {
                    throw new RuleViolationException("document.notYet", kind.label(), "不予受理");
                }
                v.put("不予受理理由", c.declineGround());
                v.put("告知途径", guidance(c.declineGround()));
            }
            case NOT_RE_ACCEPTED_NOTICE -> {
                if (!"NOT_RE_ACCEPTED".equals(c.status())) {
                    throw new RuleViolationException("document.notYet", kind.label(), "不再受理");
                }
                v.put("原信访件编号", nonNull(c.flags().repeatOf()));
            }
            case REPLY_OPINION, COMPLETION_REPORT -> reply(c, kind, v);
            case REVIEW_OPINION, RECHECK_OPINION -> review(c, kind, v);
            default -> {
            }
        }
        return v;
    }

    private void reply(PetitionViews.Detail c, DocumentKind kind, Map<String, String> v) {
        PetitionViews.ReplyView reply = c.reply();
        if (reply == null) {
            throw new RuleViolationException("document.notYet", kind.label(), "答复");
        }
        v.put("处理结果", reply.outcomeLabel());
        v.put("答复内容", reply.text());
        v.put("答复日期", ChineseDates.of(reply.issuedAt()));
        v.put("送达情况", reply.deliveredAt() == null ? "，正在送达信访人"
                : "，并于" + ChineseDates.of(reply.deliveredAt()) + "以" + reply.deliveryMethod() + "方式送达信访人");
        Unit replying = unitNamed(reply.unit()).orElse(units.find(c.currentUnit().id()).orElseThrow());
        String reviewOrgan = above(replying);
        v.put("复查机关", reviewOrgan);
        // The handler may have written the statutory notice into the reply already; it is not printed twice.
        v.put("救济告知", REVIEW_NOTICE.matcher(reply.text()).find() ? ""
                : "如对本处理意见不服，可以自收到本意见书之日起30日内向" + reviewOrgan + "书面提出复查申请。");
    }

    private void review(PetitionViews.Detail c, DocumentKind kind, Map<String, String> v) {
        PetitionViews.ReviewView review = c.review();
        int stage = kind == DocumentKind.REVIEW_OPINION ? 1 : 2;
        if (review == null || review.answeredAt() == null || review.stage() != stage) {
            throw new RuleViolationException("document.notYet", kind.label(), stage == 1 ? "复查意见" : "复核意见");
        }
        v.put("复查申请日期", ChineseDates.of(review.requestedAt()));
        v.put("复查复核申请理由", sentence(review.reason()));
        v.put("复查复核意见", review.text());
        v.put("复查复核结果", switch (review.outcome()) {
            case "UPHELD" -> "维持原" + (stage == 1 ? "处理" : "复查") + "意见";
            case "CHANGED" -> "变更原" + (stage == 1 ? "处理" : "复查") + "意见";
            default -> "责令原办理机关重新办理";
        });
        Unit reviewing = unitNamed(review.unit()).orElse(null);
        PetitionViews.ReplyView reply = c.reply();
        Unit replying = reply == null ? null : unitNamed(reply.unit()).orElse(null);
        if (stage == 1) {
            v.put("原处理机关", replying == null ? "原办理机关" : organ(replying));
            v.put("答复日期", reply == null ? "" : ChineseDates.of(reply.issuedAt()));
            v.put("救济告知", "REDO".equals(review.outcome()) ? "原办理机关将依法重新办理，并出具书面处理意见。"
                    : "如对本复查意见不服，可以自收到本意见书之日起30日内向" + (reviewing == null ? "上一级机关" : above(reviewing))
                            + "书面提出复核申请。");
        } else {
            v.put("原处理机关", replying == null ? "复查机关" : above(replying));
            v.put("救济告知", "本复核意见为终结意见。你（单位）对复核意见不服，仍以同一事实和理由提出信访请求的，"
                    + "各级信访工作机构和其他行政机关不再受理。");
        }
    }

    private String above(Unit decided) {
        try {
            return organ(routing.organAbove(decided));
        } catch (RuleViolationException e) {
            return "上一级人民政府";
        }
    }

    private Optional<Unit> unitNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        // Views carry unit names; the tree is small and names are unique within an installation.
        return units.territories().stream().filter(u -> u.name().equals(name)).findFirst()
                .or(() -> allUnits().stream().filter(u -> u.name().equals(name)).findFirst());
    }

    private List<Unit> allUnits() {
        List<Unit> all = new ArrayList<>();
        for (Unit t : units.territories()) {
            all.addAll(units.children(t.id()));
        }
        return all;
    }

    private String place(String regionCode) {
        for (int len : new int[] { 12, 9, 6 }) {
            if (regionCode != null && regionCode.length() >= len) {
                Optional<Unit> t = units.territory(regionCode.substring(0, len));
                if (t.isPresent()) {
                    return t.get().name();
                }
            }
        }
        return nonNull(regionCode);
    }

    private static String guidance(String groundLabel) {
        DeclineGround ground = null;
        for (DeclineGround g : DeclineGround.values()) {
            if (g.label().equals(groundLabel)) {
                ground = g;
            }
        }
        if (ground == null) {
            return "";
        }
        return switch (ground) {
            case LEGAL_CHANNEL -> "请你依法向人民法院提起诉讼，或者依法申请仲裁、行政复议。";
            case PEOPLES_CONGRESS_OR_JUDICIARY -> "请你依法向有权处理的人民代表大会常务委员会、人民法院或者人民检察院提出。";
            case SKIP_LEVEL -> "请你向依法有权处理的本级机关或者上一级机关提出。";
            case ALREADY_IN_HANDLING -> "该事项正在办理中，办理机关将依法出具书面处理意见，你可以凭信访件编号和查询码查询办理进展。";
            case REVIEW_NOT_REQUESTED -> "如对处理意见不服，可以依照规定向原办理机关的上一级机关申请复查、复核。";
            case REVIEW_WINDOW_MISSED -> "复查、复核申请应当在收到处理（复查）意见之日起30日内提出。";
            case ALREADY_CONCLUDED -> "该事项已经依法办结，请依法理性表达诉求。";
            case NOT_OUR_REMIT -> "请你向依法有权处理的机关提出。";
        };
    }

    private static Optional<PetitionViews.TimelineView> timeline(PetitionViews.Detail c, String event) {
        PetitionViews.TimelineView found = null;
        for (PetitionViews.TimelineView t : c.timeline()) {
            if (t.event().equals(event)) {
                found = t; // the newest
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<PetitionViews.DeadlineView> deadline(PetitionViews.Detail c, String period) {
        PetitionViews.DeadlineView found = null;
        for (PetitionViews.DeadlineView d : c.deadlines()) {
            if (d.period().equals(period)) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.strip();
        return t.matches(".*[。！？.!?]$") ? t : t + "。";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static int year(Instant at) {
        return Year.from(at.atZone(ChinaTime.ZONE)).getValue();
    }
}
