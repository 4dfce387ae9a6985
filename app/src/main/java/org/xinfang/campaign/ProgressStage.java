package org.xinfang.campaign;

/** Where a campaign case stood at a 调度 (progress dispatch) round. */
public enum ProgressStage {
    /** 未启动: nothing done yet. */
    NOT_STARTED("未启动", "Not started"),
    /** 调查核实: facts being established. */
    INVESTIGATING("调查核实", "Investigating"),
    /** 化解中: measures under way. */
    RESOLVING("化解中", "Resolving"),
    /** 基本化解: agreed, waiting for the last step (payment, signature, 回访). */
    NEARLY_RESOLVED("基本化解", "Nearly resolved"),
    /** 已化解: resolved; the case may be closed once 停访息诉 or a final conclusion is confirmed. */
    RESOLVED("已化解", "Resolved"),
    /** 推进受阻: stalled; needs the leader's attention. */
    STALLED("推进受阻", "Stalled");

    private final String label;
    private final String englishLabel;

    ProgressStage(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }
}
