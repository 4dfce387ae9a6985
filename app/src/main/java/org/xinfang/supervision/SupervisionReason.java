package org.xinfang.supervision;

/**
 * Why a case is supervised: the legal 督办 triggers of 《信访工作条例》 Art.40 and local practice
 * (domain-law.md §7): overdue without cause, no feedback, wrong procedure, shirking or delay, an opinion
 * not carried out, and the petitioner's dissatisfaction.
 */
public enum SupervisionReason {
    /** 无故超期: a statutory deadline passed without an approved extension. */
    OVERDUE_WITHOUT_CAUSE("无正当理由超期"),
    /** 交办未反馈: an assigned matter reported no result by its feedback date. */
    NO_FEEDBACK("交办事项未按期反馈"),
    /** 程序不当: accepted or handled in breach of the procedure. */
    WRONG_PROCEDURE("受理、办理程序不当"),
    /** 推诿拖延: shirking, perfunctory handling, delay or falsification (推诿、敷衍、拖延、弄虚作假). */
    SHIRKING_OR_DELAY("推诿、敷衍、拖延"),
    /** 意见未落实: the handling opinion or reply was not carried out. */
    OPINION_NOT_CARRIED_OUT("处理意见未落实"),
    /** 群众不满意: the petitioner rated the reply 不满意. */
    PETITIONER_UNSATISFIED("信访人不满意");

    private final String label;

    SupervisionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
