package org.xinfang.petition;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Units;

/**
 * Who may see a petition: users whose data scope reaches a unit that received it, holds it or reviews
 * it. A confidential petition (检举控告) is seen only by users of those exact units, never through a
 * wider scope, so the accused unit and its superiors' staff cannot find it (Art.30, Art.46).
 */
@Component
class PetitionVisibility {

    /** The SQL condition, for list queries over {@code petition.petition p}. Parameters: visible ids, own unit. */
    static final String CONDITION = """
            EXISTS (SELECT 1 FROM petition.access a WHERE a.petition_id = p.id
                    AND (CASE WHEN p.confidential THEN a.unit_id = ? ELSE a.unit_id = ANY(?) END))""";

    private final JdbcClient jdbc;
    private final Units units;

    PetitionVisibility(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    boolean canSee(StaffUser user, UUID petitionId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition.petition p WHERE p.id = ? AND " + CONDITION + ")")
                .params(petitionId, user.unitId(), visibleIds(user)).query(Boolean.class).single();
    }

    Long[] visibleIds(StaffUser user) {
        Set<Long> ids = units.visibleUnitIds(user);
        return ids.toArray(Long[]::new);
    }
}
