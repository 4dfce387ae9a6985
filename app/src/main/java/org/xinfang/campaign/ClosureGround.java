package org.xinfang.campaign;

import java.util.EnumSet;
import java.util.Set;

import org.xinfang.petition.PetitionStatus;

/**
 * The only lawful ways a campaign case ends (积案 "案结事了"): the petitioner stops petitioning, or the
 * matter has a final conclusion in law. A case that merely had a reply is not closed by the campaign.
 */
public enum ClosureGround {
    /** 停访息诉: the petitioner has stopped petitioning and says so (息诉罢访承诺, 回访确认). */
    STOPPED_PETITIONING("停访息诉", "Petitioner has stopped petitioning"),
    /**
     * 依法终结: the petition ended lawfully — 复核 opinion final, 不再受理 after 复核, or the reply stood
     * because no 复查 was requested in time.
     */
    FINAL_CONCLUSION("依法终结", "Lawful final conclusion");

    /** The petition states that count as a lawful final conclusion (domain-law.md §7). */
    public static final Set<PetitionStatus> FINAL_STATES = EnumSet.of(PetitionStatus.FINAL,
            PetitionStatus.NOT_RE_ACCEPTED, PetitionStatus.CLOSED);

    private final String label;
    private final String englishLabel;

    ClosureGround(String label, String englishLabel) {
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
