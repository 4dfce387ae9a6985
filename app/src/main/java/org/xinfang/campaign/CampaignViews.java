package org.xinfang.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the campaign side shows: records only, built by {@link Campaigns}. */
public final class CampaignViews {

    private CampaignViews() {
    }

    /**
     * The rules a campaign selects its cases by; every rule is optional except the age.
     *
     * @param minAgeDays  at least this many days since the petition was received (积案: long unresolved)
     * @param minRepeats  at least this many repeat petitions (重复信访) linked to it
     * @param statuses    petition states to include; empty for every state that is not yet final
     * @param regionCode  only petitions about this territory or places within it
     * @param category    only this category or its sub-categories
     */
    public record SelectionRules(Integer minAgeDays, Integer minRepeats, Set<String> statuses, String regionCode,
            String category) {
    }

    /** A new campaign as a form or the API gives it. */
    public record NewCampaign(String name, LocalDate startsOn, LocalDate endsOn, SelectionRules rules) {
    }

    /** The plan for one campaign case: responsible leader, plan, measures, deadline, "三到位一处理" class. */
    public record CaseAssignment(String responsibleLeader, String plan, String measures, LocalDate dueOn,
            String resolutionClass) {
    }

    /** One case's progress at a 调度 round. */
    public record ProgressEntry(String petitionNumber, String stage, String note) {
    }

    /** A 调度 round as the form or the API gives it. */
    public record NewDispatch(LocalDate heldOn, String note, List<ProgressEntry> progress) {
    }

    /** A petition the rules select, for the preview. */
    public record Candidate(UUID petitionId, String number, String title, String statusLabel, LocalDate receivedOn,
            long ageDays, int repeatCount, String category, String currentUnit, boolean included) {
    }

    /** A campaign in a list. */
    public record Summary(long id, String name, LocalDate startsOn, LocalDate endsOn, String status, String statusLabel,
            String unitName, String createdBy, int cases, int closed) {
    }

    /** One campaign case with its plan and the latest progress. */
    public record CaseView(long id, String petitionNumber, String title, String petitionStatus,
            String petitionStatusLabel, long ageDays, String responsibleLeader, String plan, String measures,
            LocalDate dueOn, boolean overdue, String resolutionClass, String resolutionClassLabel, String status,
            String closureGround, String closureGroundLabel, String closureNote, OffsetDateTime closedAt,
            String latestStage, String latestStageLabel) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** A 调度 round's heading in the progress table. */
    public record DispatchHead(long id, LocalDate heldOn, String note, String recordedBy) {
    }

    /** One cell of the progress table: the stage a case was at in a round (null when not reported). */
    public record Cell(String stage, String stageLabel, String note) {
    }

    /** A case's row in the progress table, one cell per round, in round order. */
    public record ProgressRow(String petitionNumber, String title, String responsibleLeader, String resolutionClassLabel,
            List<Cell> cells, String statusLabel) {
    }

    /**
     * 调度进度表: cases × rounds, and per round how many cases were reported at each stage and how many of
     * the campaign's cases were closed by the round's date.
     */
    public record ProgressTable(List<DispatchHead> rounds, List<ProgressRow> rows,
            List<Map<String, Integer>> stageCounts, List<Integer> closedByRound) {
    }

    /** A campaign in full. */
    public record Detail(Summary summary, SelectionRules rules, String rulesText, List<CaseView> cases,
            ProgressTable progress) {
    }
}
