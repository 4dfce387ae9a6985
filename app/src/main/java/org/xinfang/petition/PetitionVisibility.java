package org.xinfang.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.organization.StaffUser;

/** Whether one user may see one petition, by the rule of {@link PetitionScope}. */
@Component
class PetitionVisibility {

    private final JdbcClient jdbc;
    private final PetitionScope scope;

    PetitionVisibility(JdbcClient jdbc, PetitionScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    boolean canSee(StaffUser user, UUID petitionId) {
        List<Object> params = new ArrayList<>(List.of(petitionId));
        params.addAll(List.of(scope.parameters(user)));
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition.petition p WHERE p.id = ? AND " + PetitionScope.CONDITION + ")")
                .params(params).query(Boolean.class).single();
    }
}
