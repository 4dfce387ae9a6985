package org.xinfang.petition;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Units;

/**
 * Who may see which petitions, for any module that queries petitions in SQL (lists, search,
 * statistics, exports): users whose data scope reaches a unit that received, holds or reviews the
 * petition. A confidential petition (检举控告) is seen only by users of those exact units, never through
 * a wider scope, so the accused unit and its superiors' staff cannot find it (Art.30, Art.46).
 */
@Component
public class PetitionScope {

    /**
     * The SQL condition over {@code petition.petition p}; bind {@link #parameters} in order after it.
     * Written as two plain EXISTS rather than one with a CASE inside, so PostgreSQL can answer the scope
     * with one indexed semi-join over {@code petition.access} (the user's own unit is always within their
     * scope, so a confidential petition of that unit passes both). A user whose
     * scope is the whole installation (the city 信访局, the city leader) skips that check altogether: every
     * petition's access rows name units of the installation, so it could only ever be true for them, and
     * hashing every access row was most of the cost of their city-wide work lists.
     * <p>
     * The confidential check is probed per confidential row ({@code OFFSET 0} keeps PostgreSQL from turning
     * it into a hashed subplan): hashed, it read every access row of the user's unit first — 784,062 for
     * the city 信访局 at 1,000,000 petitions, 1.3 s — even for a count that stops after 10,001 rows.
     * <p>
     * A petition held by a unit in scope passes without the access lookup ({@code p.current_unit_id = ANY(?)}
     * before the EXISTS): the lifecycle grants the holding unit an access row whenever it moves a petition
     * ({@code PetitionStore.grantAccess}), so the lookup could only agree. A unit's own work list (本单位) then
     * reads no access row at all: at 1,000,000 petitions the 东湖区住建局's bounded counts went from 30–33 ms to
     * 1.4 ms each, where a hash of the unit's 58,000 access rows was built before the first row.
     */
    public static final String CONDITION = """
            (NOT p.confidential OR EXISTS (SELECT 1 FROM petition.access c WHERE c.petition_id = p.id AND c.unit_id = ? OFFSET 0))
            AND (? OR p.current_unit_id = ANY(?)
                 OR EXISTS (SELECT 1 FROM petition.access a WHERE a.petition_id = p.id AND a.unit_id = ANY(?)))""";

    private final Units units;

    PetitionScope(Units units) {
        this.units = units;
    }

    /**
     * The four parameters of {@link #CONDITION}, in order: the user's own unit, whether their scope is the
     * whole installation, the units of their scope (twice: the holding unit's test, then the access rows').
     */
    public Object[] parameters(StaffUser user) {
        Set<Long> ids = units.visibleUnitIds(user);
        Long[] scope = ids.toArray(Long[]::new);
        return new Object[] { user.unitId(), ids.size() >= units.count(), scope, scope };
    }
}
