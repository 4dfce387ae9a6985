package org.xinfang.reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.xinfang.people.IdCardNumber;
import org.xinfang.people.Masking;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionType;

/**
 * Checks a written reply against what the 《信访工作条例》 and practice ask of a 处理意见书 (domain-law.md
 * §6, §8, §10): each demand answered; a lawful outcome, stated; the facts found and the legal basis; the
 * 30-day 复查 notice naming the organ (复核 after a 复查, finality after a 复核); no third party's personal
 * data; in a 检举控告 matter nothing showing the accusation reached the accused. Text heuristics, not
 * understanding: it tells the approver what to look at, the approver decides.
 */
@Service
public class ReplyChecker {

    static final Pattern FACTS = Pattern.compile("经(过)?(调查|核查|核实|查实|查证|了解|现场|实地|走访|研究|排查|检查|复查|复核|审查|查|核)"
            + "|调查(核实)?(情况|结果|发现|显示|处理)|核实(情况|发现)|现场(查看|核查|勘查|检查|勘察|察看|核实|调查)"
            + "|实地(查看|核查|勘查|走访|察看|调查|核实)|据(调查|核查|了解|核实|查)|查明|经询问|调取|进行了?(调查|核查|核实|查看|察看)"
            + "|(调查|核查|核实|查看|了解)(发现|得知|到)|(到|赴|前往)现场|与[^。]{1,15}(核实|核对)");
    static final Pattern BASIS = Pattern.compile("(根据|依据|按照|依照|遵照|参照|对照|违反|符合|适用)[^。；;]{0,40}《[^》]{2,60}》"
            + "|《[^》]{2,60}(法|条例|规定|办法|细则|规则|意见|通知|决定|标准|规范|规划|方案|政策|解释)》[^。]{0,30}第[〇零一二三四五六七八九十百千0-9]+条"
            // a policy document cited by its number: 根据长价商〔2014〕92号文件
            + "|(根据|依据|按照|依照|遵照)[^。；;]{0,30}[〔\\[【(（][0-9]{4}[〕\\]】)）][0-9]{1,4}号");
    static final Pattern STATED_OUTCOME = Pattern.compile("予以支持|不予支持|部分支持|解释说明|予以采纳|不予采纳|部分采纳|采纳|属实|不属实"
            + "|已(经)?(解决|整改|处理|完成|落实|修复|恢复|退还|清理|拆除|安排|办理|纠正|查处|责令|协调|答复|补发|发放|撤销|立案)"
            + "|立案(侦查|调查|查处)"
            + "|责令|责成|符合|不符合|不存在|不支持|无法支持|纳入|列入|不予(受理|处理|认定|批准)|同意|不同意|承诺"
            + "|(将|拟|计划)于|正在(办理|实施|施工|推进|整改)|(可以|无法|不能|不予)办理|暂不|不属于|不违反|违反");
    private static final Pattern THIRTY_DAYS = Pattern.compile("(30|三十)(个)?(日|天)");
    private static final Pattern ORGAN = Pattern.compile("[\\p{IsHan}]{2,30}?(人民政府|政府|委员会|管委会|管理委员会|办事处|局|委|办公室|办|厅|署|部|中心|机关)");
    private static final Pattern SENTENCE = Pattern.compile("[^。！？!?\\n]+");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    /** The hundred commonest surnames cover most people; a name with an honorific is somebody's. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final Pattern NAME_WITH_TITLE = Pattern.compile("([" + SURNAMES + "])([\\p{IsHan}]{0,2}?)(先生|女士|老人|大爷|大妈|阿姨|师傅|老师|同学)");
    private static final Set<String> NOT_NAMES = Set.of("任课", "代课", "任教");
    private static final Pattern DISCLOSURE = Pattern.compile(
            "(举报|检举|控告|信访)(信|材料|内容|信件|人信息|人身份|人姓名|人的身份|人的姓名)[^。]{0,20}(转交|转给|交给|出示|告知|反馈给|提供给|送交|转至)[^。]{0,10}(被举报|被检举|被控告|被反映)"
                    + "|(被举报|被检举|被控告|被反映)(人|单位|对象)[^。]{0,12}(查看|看到|知悉|阅看|阅读|核对)[^。]{0,8}(举报|检举|控告)(信|材料|内容)"
                    + "|(当面|面对面)对质|(举报|检举|控告)人[^。]{0,6}(身份|姓名|信息)[^。]{0,6}(已|已经)?(告知|通报|提供)");
    private static final int VERBATIM = 40;

    /** Runs every rule that applies to the draft. */
    public ReplyCheck check(ReplyDraft d) {
        List<ReplyCheck.Finding> findings = new ArrayList<>();
        findings.add(demands(d));
        findings.add(outcome(d));
        findings.add(found(ReplyRule.FACTS_STATED, FACTS.matcher(d.text()).find(), "已写明调查核实的事实",
                "未写明调查核实的事实：应说明经调查、核查了解到的情况（如“经调查核实，……”）"));
        if (d.type() == PetitionType.SUGGESTION) {
            findings.add(found(ReplyRule.LEGAL_BASIS, true, "建议意见类答复不要求引用法律依据", ""));
        } else {
            findings.add(found(ReplyRule.LEGAL_BASIS, BASIS.matcher(d.text()).find(), "已写明处理依据",
                    "未写明处理依据：应引用所依据的法律、法规、规章或政策文件（如“根据《……》第……条”）"));
        }
        findings.add(notice(d));
        findings.add(personalData(d));
        if (d.type() == PetitionType.ACCUSATION) {
            findings.add(accusation(d));
        }
        List<String> missing = findings.stream().filter(f -> !f.passed()).map(ReplyCheck.Finding::message).toList();
        return new ReplyCheck(missing.isEmpty(), List.copyOf(findings), missing);
    }

    private static ReplyCheck.Finding demands(ReplyDraft d) {
        List<Demands.Demand> demands = Demands.of(d.title(), d.content());
        if (demands.isEmpty()) {
            return found(ReplyRule.DEMANDS_ANSWERED, true, "未识别出具体诉求", "");
        }
        List<String> unanswered = demands.stream().filter(x -> !Demands.answeredBy(x, d.text()))
                .map(x -> "“" + shorten(x.sentence(), 40) + "”").toList();
        return found(ReplyRule.DEMANDS_ANSWERED, unanswered.isEmpty(), "已回应信访人的" + demands.size() + "项诉求",
                "未回应信访人的诉求（共" + demands.size() + "项，未回应" + unanswered.size() + "项）：" + String.join("；", unanswered));
    }

    private static ReplyCheck.Finding outcome(ReplyDraft d) {
        if (d.outcome() != null) {
            if (d.type() != null && !d.type().allows(d.outcome())) {
                String lawful = Arrays.stream(Outcome.values()).filter(d.type()::allows).map(Outcome::label)
                        .collect(Collectors.joining("、"));
                return found(ReplyRule.LAWFUL_OUTCOME, false, "", "处理结果“" + d.outcome().label() + "”不是" + d.type().label()
                        + "类信访事项的法定处理结果，应为" + lawful + "之一");
            }
            return found(ReplyRule.LAWFUL_OUTCOME, true, "处理结果为“" + d.outcome().label() + "”", "");
        }
        return found(ReplyRule.LAWFUL_OUTCOME, STATED_OUTCOME.matcher(d.text()).find(), "答复中写明了处理结果",
                "未写明明确的处理结果：应写明予以支持、解释说明、不予支持（建议类为采纳、部分采纳、不予采纳）或已采取的处理措施");
    }

    private static ReplyCheck.Finding notice(ReplyDraft d) {
        String text = d.text();
        if (d.stage() == 2) {
            boolean finality = text.contains("终结") || text.contains("不再受理");
            return found(ReplyRule.REVIEW_NOTICE, finality, "已告知复核意见为终结意见",
                    "未告知复核意见为终结意见：应写明信访人以同一事实和理由再次提出的，不再受理");
        }
        String route = d.stage() == 1 ? "复核" : "复查";
        Matcher sentences = SENTENCE.matcher(text);
        String withRoute = null;
        while (sentences.find()) {
            String s = sentences.group();
            if (s.contains(route) && (s.contains("申请") || s.contains("请求") || s.contains("提出"))) {
                if (withRoute == null || THIRTY_DAYS.matcher(s).find()) {
                    withRoute = s;
                }
            }
        }
        String expected = d.expectedOrgan() == null || d.expectedOrgan().isBlank() ? null : d.expectedOrgan().strip();
        String example = "如不服本" + (d.stage() == 1 ? "复查" : "处理") + "意见，可自收到之日起30日内向"
                + (expected == null ? "上一级机关" : expected) + "申请" + route;
        if (withRoute == null) {
            return found(ReplyRule.REVIEW_NOTICE, false, "", "缺少" + route + "告知：应写明“" + example + "”");
        }
        if (!THIRTY_DAYS.matcher(withRoute).find()) {
            return found(ReplyRule.REVIEW_NOTICE, false, "", route + "告知未写明30日的申请期限");
        }
        if (expected != null && !withRoute.contains(expected)) {
            return found(ReplyRule.REVIEW_NOTICE, false, "", route + "告知中的机关应为" + expected);
        }
        if (expected == null && !ORGAN.matcher(withRoute.replace(route, "")).find()) {
            return found(ReplyRule.REVIEW_NOTICE, false, "", route + "告知未写明受理" + route + "申请的机关");
        }
        return found(ReplyRule.REVIEW_NOTICE, true, "已告知30日内申请" + route + "的途径", "");
    }

    private static ReplyCheck.Finding personalData(ReplyDraft d) {
        String text = d.text();
        List<String> seen = new ArrayList<>();
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            if (IdCardNumber.isValid(id.group())) {
                seen.add("身份证号码" + Masking.idCard(id.group()));
            }
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            seen.add("手机号码" + Masking.phone(mobile.group()));
        }
        String ownSurname = d.petitionerName() == null || d.petitionerName().isBlank() ? null
                : d.petitionerName().strip().substring(0, 1);
        Matcher name = NAME_WITH_TITLE.matcher(text);
        Set<String> names = new java.util.LinkedHashSet<>();
        while (name.find()) {
            boolean anonymised = name.group(2).contains("某");
            // 任课老师, 代课老师: words, not a surname and a name
            boolean word = NOT_NAMES.contains(name.group(1) + name.group(2));
            if (!anonymised && !word && !name.group(1).equals(ownSurname)) {
                names.add(name.group(1) + "*".repeat(name.group(2).length()) + name.group(3));
            }
        }
        names.forEach(n -> seen.add("姓名" + n));
        return found(ReplyRule.NO_THIRD_PARTY_DATA, seen.isEmpty(), "未发现第三人的个人信息",
                "含有他人的个人信息（" + String.join("、", seen) + "），答复送达信访人前应删除或隐去");
    }

    private static ReplyCheck.Finding accusation(ReplyDraft d) {
        Matcher m = DISCLOSURE.matcher(d.text());
        if (m.find()) {
            return found(ReplyRule.NO_ACCUSATION_DISCLOSURE, false, "", "答复表明检举控告材料或检举人信息已透露给被检举控告人（“"
                    + shorten(m.group(), 30) + "”），违反《信访工作条例》第三十条");
        }
        String content = d.content();
        for (int i = 0; i + VERBATIM <= content.length(); i += 10) {
            String window = content.substring(i, i + VERBATIM);
            if (d.text().contains(window)) {
                return found(ReplyRule.NO_ACCUSATION_DISCLOSURE, false, "", "答复大段照录检举控告材料（“" + shorten(window, 20)
                        + "”），可能使被检举控告人知悉检举内容，应概括表述");
            }
        }
        return found(ReplyRule.NO_ACCUSATION_DISCLOSURE, true, "未发现泄露检举控告内容的表述", "");
    }

    private static ReplyCheck.Finding found(ReplyRule rule, boolean passed, String ok, String missing) {
        return new ReplyCheck.Finding(rule, rule.label(), passed, passed ? ok : missing);
    }

    private static String shorten(String s, int max) {
        String t = s.strip();
        return t.codePointCount(0, t.length()) <= max ? t : new String(t.codePoints().limit(max).toArray(), 0, max) + "…";
    }
}
