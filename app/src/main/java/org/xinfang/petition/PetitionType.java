package org.xinfang.petition;

import java.util.Set;

/** The three kinds of petition of the 条例, each handled in its own way (domain-law.md §5.2). */
public enum PetitionType {
    /** 建议意见类: studied and, if sound, adopted in whole or part. */
    SUGGESTION("建议意见", Set.of(Outcome.ADOPTED, Outcome.PARTLY_ADOPTED, Outcome.NOT_ADOPTED)),
    /** 检举控告类: to 纪检监察 or the competent organ; never disclosed to the accused. */
    ACCUSATION("检举控告", Set.of(Outcome.SUPPORTED, Outcome.EXPLAINED, Outcome.NOT_SUPPORTED)),
    /** 申诉求决类: answered 予以支持 / 解释说明 / 不予支持. */
    APPEAL("申诉求决", Set.of(Outcome.SUPPORTED, Outcome.EXPLAINED, Outcome.NOT_SUPPORTED));

    private final String label;
    private final Set<Outcome> lawfulOutcomes;

    PetitionType(String label, Set<Outcome> lawfulOutcomes) {
        this.label = label;
        this.lawfulOutcomes = lawfulOutcomes;
    }

    public String label() {
        return label;
    }

    public boolean allows(Outcome outcome) {
        return lawfulOutcomes.contains(outcome);
    }
}
