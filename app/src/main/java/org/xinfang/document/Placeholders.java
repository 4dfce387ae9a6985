package org.xinfang.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words in braces a template may use, {@code {信访人}}, each filled from the case when a document is
 * made. A template that names anything else is refused when it is saved, so a typo never reaches a
 * petitioner as literal braces.
 */
final class Placeholders {

    static final Map<String, String> ALL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("信访人", "信访人姓名（多人时写“某某等N人”）");
        m.put("信访件编号", "信访件编号");
        m.put("收到日期", "收到信访事项的日期（中文数字）");
        m.put("登记日期", "登记日期");
        m.put("登记人", "登记人");
        m.put("来源渠道", "来信、来访、来电、网上信访、微信");
        m.put("事项", "信访事项标题");
        m.put("内容", "信访请求及事实理由");
        m.put("问题属地", "问题发生地");
        m.put("内容分类", "内容分类");
        m.put("信访类型", "建议意见、检举控告、申诉求决");
        m.put("紧急程度", "紧急或一般");
        m.put("身份证号码", "信访人身份证号码（仅内部表单）");
        m.put("联系电话", "信访人联系电话（仅内部表单）");
        m.put("住址", "信访人住址（仅内部表单）");
        m.put("人数", "来访人数");
        m.put("以往信访", "初信初访、重复信访、越级情况");
        m.put("本次处理", "当前状态和办理单位");
        m.put("办理状态", "当前状态");
        m.put("发文机关", "发文机关名称");
        m.put("发文日期", "成文日期");
        m.put("接收机关", "转送、交办、督办的对象单位");
        m.put("转送机关", "转送或交办本事项的机关");
        m.put("转送情况", "如“经示范市信访局转送本机关”");
        m.put("交办情况", "转送或交办");
        m.put("受理机关", "办理机关");
        m.put("受理日期", "受理日期");
        m.put("办理期限", "办理期限届满日");
        m.put("延期天数", "延长的天数");
        m.put("延期理由", "延期理由");
        m.put("不予受理理由", "不予受理的法定情形");
        m.put("告知途径", "应当向之提出的机关或法定途径");
        m.put("原信访件编号", "已复核终结的原信访件编号");
        m.put("处理结果", "予以支持、解释说明、不予支持等");
        m.put("答复内容", "处理意见正文");
        m.put("答复日期", "处理意见出具日期");
        m.put("送达情况", "送达日期和方式");
        m.put("复查机关", "受理复查申请的机关");
        m.put("救济告知", "复查、复核申请途径或终结告知");
        m.put("原处理机关", "作出原处理（复查）意见的机关");
        m.put("复查申请日期", "复查或复核申请日期");
        m.put("复查复核申请理由", "复查或复核的请求和理由");
        m.put("复查复核意见", "复查或复核意见正文");
        m.put("复查复核结果", "维持、变更或责令重新办理");
        m.put("反馈期限", "交办反馈期限");
        m.put("督办事由", "督办事由");
        m.put("督办要求", "督办要求");
        m.put("督办期限", "督办办结期限");
        m.put("督办方式", "电话、发函、约谈、实地、联合、提级督办");
        m.put("承办人", "承办人");
        ALL = java.util.Collections.unmodifiableMap(m); // keeps the order above, which the editor page shows
    }

    private static final Pattern BRACES = Pattern.compile("\\{([^{}]{1,20})\\}");

    private Placeholders() {
    }

    /** The placeholders a text names that are not in the vocabulary. */
    static List<String> unknownIn(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = BRACES.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!ALL.containsKey(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The text with every placeholder replaced by its value (empty if the case has none). */
    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = BRACES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
