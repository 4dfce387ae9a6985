package org.xinfang.statistics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.xinfang.organization.Unit;
import org.xinfang.petition.PetitionScope;

/**
 * What a set of figures may count, as SQL: the petitions the caller may see ({@link PetitionScope}), and
 * — for the duties, replies and holdings attributed to units — only units within the caller's scope, or
 * within the chosen unit and below it. Built by {@link Indicators}; binds its parameters in order.
 *
 * @param units the units whose duties count, or null when the whole installation counts
 */
record Reach(Object[] scopeParameters, Long[] units, Long[] petitionUnits) {

    static Reach of(Object[] params, Set<Long> visible, boolean whole, Unit chosen, List<Unit> visibleTree) {
        if (chosen == null) {
            return new Reach(params, whole ? null : visible.toArray(Long[]::new), null);
        }
        Set<Long> below = visibleTree.stream().filter(chosen::contains).map(Unit::id).collect(Collectors.toSet());
        Long[] ids = below.toArray(Long[]::new);
        return new Reach(params, ids, ids);
    }

    /**
     * {@link PetitionScope#CONDITION} with its two subqueries kept as per-row index probes ({@code OFFSET 0}
     * changes nothing in what EXISTS answers, but stops PostgreSQL from turning it into a hash of every access
     * row of the caller's unit — for the city 信访局, which registers nearly every petition, a hash of about a
     * million rows built by each query of a period that reads a few ten thousand petitions). The same
     * parameters, bound in the same order; {@code StatisticsStoryTests} checks it admits the same petitions.
     */
    static final String PETITION_SCOPE = """
            (NOT p.confidential OR EXISTS (SELECT 1 FROM petition.access c WHERE c.petition_id = p.id AND c.unit_id = ? OFFSET 0))
            AND (? OR EXISTS (SELECT 1 FROM petition.access a WHERE a.petition_id = p.id AND a.unit_id + 0 = ANY(?) OFFSET 0))""";

    /*
     * In the probes by petition, "unit_id + 0 = ANY(?)" (the same test) keeps PostgreSQL on the access
     * primary key (petition_id, unit_id) — one descent per petition — rather than the unit index, which it
     * would descend once per unit of the array for every petition (a district has about a hundred units).
     */

    /** The petition condition over {@code petition.petition p}, with the chosen unit if any. */
    String petitions() {
        return PETITION_SCOPE + (petitionUnits == null ? ""
                : " AND EXISTS (SELECT 1 FROM petition.access f WHERE f.petition_id = p.id AND f.unit_id + 0 = ANY(?) OFFSET 0)");
    }

    void bindPetitions(List<Object> params) {
        params.addAll(List.of(scopeParameters));
        if (petitionUnits != null) {
            params.add(petitionUnits);
        }
    }

    /**
     * The same scope for rows of {@code deadline.clock k}, without joining each clock to its petition: a
     * duty's unit always has an access row on the petition (the lifecycle grants it when it routes to a unit
     * or a review organ), so only the confidentiality rule needs the petition, and confidential petitions
     * are few — each clock is checked against the small index of confidential petitions, and only a
     * confidential one against the access list ({@code OFFSET 0} keeps both per-row probes: without it
     * PostgreSQL builds the set of hidden confidential petitions by reading every access row of the caller's
     * unit, about 800,000 for the city 信访局 at 1,000,000 petitions, in each query). Binds like {@link #petitions()}.
     */
    String duties() {
        return """
                NOT EXISTS (SELECT 1 FROM petition.petition cp WHERE cp.id = k.subject_id AND cp.confidential
                    AND NOT EXISTS (SELECT 1 FROM petition.access c WHERE c.petition_id = cp.id AND c.unit_id = ? OFFSET 0) OFFSET 0)
                AND (? OR EXISTS (SELECT 1 FROM petition.access a WHERE a.petition_id = k.subject_id AND a.unit_id + 0 = ANY(?) OFFSET 0))"""
                + (petitionUnits == null ? ""
                        : " AND EXISTS (SELECT 1 FROM petition.access f WHERE f.petition_id = k.subject_id AND f.unit_id + 0 = ANY(?) OFFSET 0)");
    }

    /** The condition that a unit column names a counted unit ("TRUE" when the whole installation counts). */
    String unit(String column) {
        return units == null ? "TRUE" : column + " = ANY(?)";
    }

    void bindUnit(List<Object> params) {
        if (units != null) {
            params.add(units);
        }
    }
}
