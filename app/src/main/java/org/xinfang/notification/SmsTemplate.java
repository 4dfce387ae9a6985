package org.xinfang.notification;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts Xinfang sends, each a template as SMS providers in China require them (registered in
 * advance, with variables). {@code secrets} are variables that must never be logged (the 查询码).
 */
public enum SmsTemplate {

    /** 登记回执: the number and query code, at once on receipt (any channel with a mobile number). */
    RECEIPT("您的信访事项已登记，信访件编号{number}，查询码{code}。请妥善保管，可凭编号和查询码在网上信访查询办理进展、查看答复。",
            Set.of("code")),
    /** 转送、交办: where the matter went (Art.23 tells the petitioner where it was forwarded). */
    ROUTED("您的信访事项{number}已{action}{unit}办理，可凭查询码在网上信访查询进展。", Set.of()),
    /** 诉访分离: guided to litigation, arbitration or administrative review. */
    GUIDED("您的信访事项{number}属于应当通过诉讼、仲裁、行政复议等法定途径解决的事项，具体告知内容请凭查询码在网上信访查看。", Set.of()),
    /** 受理告知. */
    ACCEPTED("您的信访事项{number}已由{unit}受理，将在法定期限内办理并书面答复。", Set.of()),
    /** 不予受理告知. */
    NOT_ACCEPTED("您的信访事项{number}不予受理，理由和告知内容请凭查询码在网上信访查看。", Set.of()),
    /** 延期告知: the law requires the petitioner be told; the reason is shown online. */
    EXTENDED("您的信访事项{number}办理期限延长{days}日，延期理由请凭查询码在网上信访查看。", Set.of()),
    /** 答复: the reply is issued; invites reading and rating, and names the 复查 window. */
    ANSWERED("您的信访事项{number}已出具答复意见，请凭查询码在网上信访查看并评价。如不服，可自收到答复之日起30日内申请复查。",
            Set.of()),
    /** 复查/复核 request received. */
    REVIEW_RECEIVED("您对信访事项{number}的{stage}申请已收到，由{unit}在30日内答复。", Set.of()),
    /** 复查/复核 opinion issued. */
    REVIEW_ANSWERED("您申请{stage}的信访事项{number}已出具{stage}意见，请凭查询码在网上信访查看。", Set.of());

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private final String pattern;
    private final Set<String> secrets;

    SmsTemplate(String pattern, Set<String> secrets) {
        this.pattern = pattern;
        this.secrets = secrets;
    }

    /** The template with {@code {variable}} placeholders, as registered with a provider. */
    public String pattern() {
        return pattern;
    }

    /** Variables that must not be logged. */
    public Set<String> secrets() {
        return secrets;
    }

    String render(Map<String, String> values, boolean redact) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            if (redact && secrets.contains(m.group(1))) {
                value = "*".repeat(value.length());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
