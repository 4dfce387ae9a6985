package org.xinfang.campaign;

/**
 * "三到位一处理": how a campaign case is to be brought to an end, by the nature of the demand. Each
 * class names what "done" means for it.
 */
public enum ResolutionClass {
    /** 诉求合理的解决问题到位: a reasonable demand is actually resolved. */
    REASONABLE_RESOLVED("诉求合理的解决问题到位", "Reasonable demand: problem resolved"),
    /** 诉求无理的思想教育到位: an unreasonable demand is explained and the petitioner persuaded. */
    UNREASONABLE_EDUCATED("诉求无理的思想教育到位", "Unreasonable demand: explained and persuaded"),
    /** 生活困难的帮扶救助到位: a petitioner in hardship receives assistance. */
    HARDSHIP_ASSISTED("生活困难的帮扶救助到位", "Hardship: assistance provided"),
    /** 行为违法的依法处理: unlawful conduct is dealt with according to law. */
    UNLAWFUL_HANDLED("行为违法的依法处理", "Unlawful conduct: dealt with by law");

    private final String label;
    private final String englishLabel;

    ResolutionClass(String label, String englishLabel) {
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
