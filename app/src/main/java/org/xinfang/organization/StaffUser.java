package org.xinfang.organization;

import java.io.Serializable;
import java.util.Set;

/** The signed-in member of staff, as every module sees them. Immutable; kept in the shared session. */
public record StaffUser(long id, String username, String displayName, long unitId, String unitName,
        Set<Role> roles, DataScope scope) implements Serializable {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
