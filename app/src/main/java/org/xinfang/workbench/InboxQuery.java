package org.xinfang.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionQueue;
import org.xinfang.petition.PetitionType;

/**
 * The inbox's query string, bound by Spring MVC: the queue, the filters and the page. Unknown values
 * (a mistyped queue, a bad date) simply count as "any".
 */
class InboxQuery {

    static final int PAGE_SIZE = 20;

    private PetitionQueue queue;
    private String q;
    private Channel channel;
    private PetitionType type;
    private String category;
    private String territory;
    private Long unit;
    private List<PetitionQueries.Flag> flags = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Boolean mine;
    private PetitionQueries.Sort sort;
    private int page = 1;

    /** The queues a role works from, its own first; the first one opens when no queue is chosen. */
    static List<PetitionQueue> queuesFor(StaffUser user) {
        List<PetitionQueue> queues = new ArrayList<>();
        if (user.has(Role.CLERK)) {
            queues.add(PetitionQueue.INTAKE);
        }
        if (user.has(Role.APPROVER)) {
            queues.add(PetitionQueue.TO_APPROVE);
        }
        if (user.hasAny(Role.HANDLER, Role.APPROVER)) {
            queues.add(PetitionQueue.TO_ACCEPT);
            queues.add(PetitionQueue.IN_HANDLING);
        }
        if (user.hasAny(Role.SUPERVISOR, Role.LEADER)) {
            queues.add(PetitionQueue.OVERDUE);
            queues.add(PetitionQueue.APPROACHING);
        }
        for (PetitionQueue q : List.of(PetitionQueue.INTAKE, PetitionQueue.TO_ACCEPT, PetitionQueue.IN_HANDLING,
                PetitionQueue.REVIEW, PetitionQueue.APPROACHING, PetitionQueue.OVERDUE, PetitionQueue.DONE,
                PetitionQueue.ALL)) {
            if (!queues.contains(q)) {
                queues.add(q);
            }
        }
        return queues;
    }

    /** Those who act on cases start with what their own unit holds; overseers with their whole scope. */
    static boolean ownUnitByDefault(StaffUser user) {
        return user.hasAny(Role.CLERK, Role.HANDLER, Role.APPROVER)
                && !user.hasAny(Role.SUPERVISOR, Role.LEADER, Role.ADMIN);
    }

    PetitionQueue effectiveQueue(StaffUser user) {
        return queue != null ? queue : queuesFor(user).get(0);
    }

    boolean effectiveMine(StaffUser user) {
        return mine != null ? mine : ownUnitByDefault(user);
    }

    PetitionQueries.Filter filter(StaffUser user, int size) {
        return new PetitionQueries.Filter(effectiveQueue(user), null, unit, effectiveMine(user), null,
                q == null || q.isBlank() ? null : q.strip(), channel, type, blankToNull(category), blankToNull(territory),
                java.util.Set.copyOf(flags), from, to, sort, Math.max(0, page - 1), size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- bean properties for binding and the form

    public PetitionQueue getQueue() {
        return queue;
    }

    public void setQueue(PetitionQueue queue) {
        this.queue = queue;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null || q.length() <= 100 ? q : q.substring(0, 100);
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public PetitionType getType() {
        return type;
    }

    public void setType(PetitionType type) {
        this.type = type;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public Long getUnit() {
        return unit;
    }

    public void setUnit(Long unit) {
        this.unit = unit;
    }

    public List<PetitionQueries.Flag> getFlags() {
        return flags;
    }

    public void setFlags(List<PetitionQueries.Flag> flags) {
        this.flags = flags == null ? new ArrayList<>() : new ArrayList<>(flags.stream().filter(f -> f != null).toList());
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Boolean getMine() {
        return mine;
    }

    public void setMine(Boolean mine) {
        this.mine = mine;
    }

    public PetitionQueries.Sort getSort() {
        return sort;
    }

    public void setSort(PetitionQueries.Sort sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, Math.min(page, 1_000_000));
    }
}
