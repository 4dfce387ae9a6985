package org.xinfang.organization;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in on this request. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal.staff());
        }
        return Optional.empty();
    }

    /** The signed-in member of staff; only call where security already demands authentication. */
    public static StaffUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no staff user"));
    }
}
