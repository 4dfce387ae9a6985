package org.xinfang.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Records of the 矛盾纠纷排查化解 register, built by {@link Disputes}. */
public final class DisputeViews {

    private DisputeViews() {
    }

    /** How a dispute was found. */
    public enum Screening {
        /** 日常排查: the regular screening of villages and communities. */
        REGULAR("日常排查"),
        /** 集中排查: a concentrated screening before holidays, sensitive dates or in a campaign. */
        CONCENTRATED("集中排查");

        private final String label;

        Screening(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 风险等级: how likely the dispute is to escalate (into group petitions, conflict). */
    public enum Risk {
        /** 低: ordinary neighbourhood matter. */
        LOW("低"),
        /** 中: may become a petition. */
        MEDIUM("中"),
        /** 高: likely to escalate; the owner reports on it. */
        HIGH("高"),
        /** 重大: many people or a threat to safety; leaders are told at once. */
        MAJOR("重大");

        private final String label;

        Risk(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a dispute stands. */
    public enum Status {
        /** 待化解: found, not yet worked on. */
        OPEN("待化解"),
        /** 化解中: the owner is working on it. */
        RESOLVING("化解中"),
        /** 已化解: resolved on the spot ("小事不出村、大事不出乡"). */
        RESOLVED("已化解"),
        /** 已转信访事项: it became a petition and is handled as one. */
        CONVERTED("已转信访事项");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A party to a dispute: name required, phone and ID card optional. */
    public record Party(String name, String phone, String idCardNumber) {
    }

    /** A newly found dispute as a form or the API gives it. */
    public record NewDispute(String screening, LocalDate foundOn, String foundBy, String regionCode, String place,
            String category, String description, String risk, Long ownerUnitId, String ownerPerson,
            List<Party> parties) {
    }

    /** Work on a dispute: the new status and what was done. */
    public record Progress(String status, String resolution) {
    }

    /** Turning a dispute into a petition. */
    public record Conversion(String channel, String type, int partyIndex, String title) {
    }

    /** A dispute in the register list. */
    public record Row(String number, LocalDate foundOn, String screeningLabel, String place, String risk, String riskLabel,
            String ownerUnit, String ownerPerson, String status, String statusLabel, String summary,
            String petitionNumber) {
    }

    /**
     * A dispute in full. Parties are masked unless the reader's role handles personal data
     * ({@code partiesMasked}).
     */
    public record Detail(String number, String screening, String screeningLabel, LocalDate foundOn, String foundBy,
            String regionCode, String territory, String place, String category, String description, String risk,
            String riskLabel, long ownerUnitId, String ownerUnit, String ownerPerson, String status, String statusLabel,
            String resolution, LocalDate resolvedOn, String petitionNumber, List<Party> parties, boolean partiesMasked,
            String recordedBy, OffsetDateTime recordedAt) {

        public boolean convertible() {
            return !"CONVERTED".equals(status) && !"RESOLVED".equals(status);
        }
    }
}
