package org.xinfang.organization;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Staff accounts: loading for authentication, and the lockout rule — after
 * {@code xinfang.security.max-failed-logins} wrong passwords in a row an account is locked for
 * {@code xinfang.security.lockout-duration}, on every node (the counter lives in the database).
 */
@Service
class StaffAccounts implements UserDetailsService {

    static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.password_hash, u.unit_id, n.name AS unit_name, u.data_scope,
                   u.enabled, u.locked_until,
                   ARRAY(SELECT r.role FROM organization.user_role r WHERE r.user_id = u.id) AS roles
            FROM organization.staff_user u JOIN organization.unit n ON n.id = u.unit_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    StaffAccounts(JdbcClient jdbc, Clock clock, @Value("${xinfang.security.max-failed-logins}") int maxFailures,
            @Value("${xinfang.security.lockout-duration}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return findPrincipal(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<StaffPrincipal> findPrincipal(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = ?").param(username == null ? "" : username.trim().toLowerCase())
                .query((rs, n) -> principal(rs, clock.instant())).optional();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal()).trim().toLowerCase();
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE organization.staff_user
                SET failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
                    locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END,
                    updated_at = ?
                WHERE username = ?""")
                .params(maxFailures, maxFailures, Timestamp.from(now.plus(lockout)), Timestamp.from(now), username)
                .update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
            jdbc.sql("UPDATE organization.staff_user SET failed_attempts = 0, locked_until = NULL WHERE id = ? "
                    + "AND (failed_attempts <> 0 OR locked_until IS NOT NULL)").param(p.staff().id()).update();
        }
    }

    static StaffPrincipal principal(ResultSet rs, Instant now) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        return new StaffPrincipal(staff(rs), rs.getString("password_hash"), rs.getBoolean("enabled"), locked);
    }

    static StaffUser staff(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("unit_id"), rs.getString("unit_name"), roles, DataScope.valueOf(rs.getString("data_scope")));
    }
}
