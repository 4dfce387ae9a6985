package org.xinfang.reply;

/** The checks a written reply must pass, each a named rule that can be listed and tested one by one. */
public enum ReplyRule {
    /** 逐项回应: every demand of the petition is answered. */
    DEMANDS_ANSWERED("逐项回应信访诉求"),
    /** 处理结果: one of the lawful outcomes for the kind of petition, and stated in the text. */
    LAWFUL_OUTCOME("处理结果合法明确"),
    /** 事实: what was investigated and found (经调查、经核查 …). */
    FACTS_STATED("写明调查核实的事实"),
    /** 依据: the law, regulation or policy applied (根据《…》第…条). */
    LEGAL_BASIS("写明法律政策依据"),
    /** 救济告知: the 30-day 复查 (or 复核) route naming the organ, or the finality of a 复核. */
    REVIEW_NOTICE("告知复查复核途径"),
    /** 个人信息: no ID numbers, mobile numbers or names of third parties. */
    NO_THIRD_PARTY_DATA("不含第三人个人信息"),
    /** 检举保密: nothing says or shows that the accusation reached the accused (Art.30, Art.46). */
    NO_ACCUSATION_DISCLOSURE("不泄露检举控告内容");

    private final String label;

    ReplyRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
