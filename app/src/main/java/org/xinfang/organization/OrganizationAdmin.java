package org.xinfang.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RegionCode;
import org.xinfang.shared.RuleViolationException;

/**
 * 组织与账户管理: what administrators change in the organisation tree and the staff accounts. Every
 * change is validated field by field, audited in the same transaction, and takes effect on every node
 * at once (the data lives in the database). Locking an account or resetting its password also ends its
 * web sessions and API tokens, so the change is not waiting for the person to sign out.
 */
@Service
public class OrganizationAdmin {

    /** The shortest password an administrator may set. */
    public static final int MIN_PASSWORD = 12;

    /** One unit as the administrators' tree shows it, deactivated ones included. */
    public record UnitEntry(Unit unit, boolean active, int depth, long staff) {
    }

    /** One staff account as the administrators' list shows it. */
    public record Account(long id, String username, String displayName, long unitId, String unitName,
            Set<Role> roles, DataScope scope, boolean enabled, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;
    private final UnitStore units;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    OrganizationAdmin(JdbcClient jdbc, UnitStore units, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ units and territories

    /** The whole tree in tree order, deactivated units included, with how many accounts each has. */
    @Transactional(readOnly = true)
    public List<UnitEntry> tree() {
        return jdbc.sql("""
                SELECT u.id, u.code, u.name, u.level, u.kind, u.function, u.region_code, u.parent_id, u.path, u.active,
                       (SELECT count(*) FROM organization.staff_user s WHERE s.unit_id = u.id) AS staff
                FROM organization.unit u ORDER BY u.path""")
                .query((rs, n) -> {
                    long parent = rs.getLong("parent_id");
                    Unit unit = new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            UnitLevel.valueOf(rs.getString("level")), UnitKind.valueOf(rs.getString("kind")),
                            rs.getString("function"), rs.getString("region_code"), rs.wasNull() ? null : parent,
                            rs.getString("path"));
                    int depth = (int) unit.path().chars().filter(c -> c == '/').count() - 2;
                    return new UnitEntry(unit, rs.getBoolean("active"), depth, rs.getLong("staff"));
                })
                .list();
    }

    /**
     * Adds a unit below {@code parentId}. A territory (乡镇街道、村社区 …) sits one level below its parent
     * and needs its own region code under the parent's; any other unit (a department, a 信访局 …)
     * serves its parent territory at the parent's level and takes the parent's region code.
     */
    @Transactional
    public Unit addUnit(long parentId, String code, String name, UnitKind kind, String function, String regionCode) {
        Unit parent = units.find(parentId).orElseThrow(() -> new InvalidInputException("parentId", "validation.unit.unknown"));
        List<FieldProblem> problems = new ArrayList<>();
        String cleanCode = code == null ? "" : code.strip();
        String cleanName = name == null ? "" : name.strip();
        if (!cleanCode.matches("[0-9A-Za-z-]{2,40}")) {
            problems.add(FieldProblem.of("code", "admin.unit.code.invalid"));
        } else if (units.findByCode(cleanCode).isPresent()) {
            problems.add(FieldProblem.of("code", "admin.unit.codeTaken"));
        }
        requireName(problems, "name", cleanName, 100);
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "validation.required"));
        }
        UnitLevel level = parent.level();
        String region = parent.regionCode();
        if (kind == UnitKind.TERRITORY) {
            if (!parent.isTerritory()) {
                problems.add(FieldProblem.of("parentId", "admin.unit.territoryUnderTerritory"));
            }
            level = parent.level().ordinal() + 1 < UnitLevel.values().length ? UnitLevel.values()[parent.level().ordinal() + 1]
                    : null;
            region = regionCode == null ? "" : regionCode.strip();
            if (level == null) {
                problems.add(FieldProblem.of("kind", "admin.unit.tooDeep"));
            }
            if (!RegionCode.isWellFormed(region)) {
                problems.add(FieldProblem.of("regionCode", "validation.regionCode.format"));
            } else if (!liesIn(region, parent)) {
                problems.add(FieldProblem.of("regionCode", "admin.unit.regionOutside", parent.regionCode()));
            } else if (units.territoryByRegionCode(region).isPresent()) {
                problems.add(FieldProblem.of("regionCode", "admin.unit.regionTaken"));
            }
        }
        String cleanFunction = function == null || function.isBlank() ? null : function.strip().toUpperCase();
        if (cleanFunction != null && !cleanFunction.matches("[A-Z_]{2,40}")) {
            problems.add(FieldProblem.of("function", "admin.unit.function.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int order = jdbc.sql("SELECT coalesce(max(sort_order), 0) + 1 FROM organization.unit WHERE parent_id = ?")
                .param(parentId).query(Integer.class).single();
        Unit created = units.insert(parent, cleanCode, cleanName, level, kind, cleanFunction, region, order);
        audit.record("unit.added", "unit", created.code(), cleanName + " under " + parent.code());
        return created;
    }

    /** Renames a unit; petitions, clocks and accounts keep pointing to it by id. */
    @Transactional
    public void renameUnit(long unitId, String name) {
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("admin.unit.notFound"));
        String cleanName = name == null ? "" : name.strip();
        List<FieldProblem> problems = new ArrayList<>();
        requireName(problems, "name", cleanName, 100);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("UPDATE organization.unit SET name = ? WHERE id = ?").params(cleanName, unitId).update();
        audit.record("unit.renamed", "unit", unit.code(), unit.name() + " -> " + cleanName);
    }

    /**
     * Deactivates a unit (it disappears from pickers and routing) or activates it again. A unit is
     * never deleted: petitions and the audit log refer to it. Refused while it still has active units
     * below it or enabled accounts, which would be left without a home.
     */
    @Transactional
    public void setUnitActive(long unitId, boolean active) {
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("admin.unit.notFound"));
        if (!active) {
            if (unit.parentId() == null) {
                throw new RuleViolationException("admin.unit.root");
            }
            long children = jdbc.sql("SELECT count(*) FROM organization.unit WHERE parent_id = ? AND active")
                    .param(unitId).query(Long.class).single();
            if (children > 0) {
                throw new RuleViolationException("admin.unit.hasChildren", children);
            }
            long staff = jdbc.sql("SELECT count(*) FROM organization.staff_user WHERE unit_id = ? AND enabled")
                    .param(unitId).query(Long.class).single();
            if (staff > 0) {
                throw new RuleViolationException("admin.unit.hasStaff", staff);
            }
        } else if (unit.parentId() != null && !jdbc.sql("SELECT active FROM organization.unit WHERE id = ?")
                .param(unit.parentId()).query(Boolean.class).single()) {
            throw new RuleViolationException("admin.unit.parentInactive");
        }
        jdbc.sql("UPDATE organization.unit SET active = ? WHERE id = ?").params(active, unitId).update();
        audit.record(active ? "unit.activated" : "unit.deactivated", "unit", unit.code(), unit.name());
    }

    // ------------------------------------------------------------------ accounts

    /** Every staff account, by unit and username. */
    @Transactional(readOnly = true)
    public List<Account> accounts() {
        return jdbc.sql(StaffAccounts.SELECT + " ORDER BY n.path, u.username").query((rs, n) -> account(rs)).list();
    }

    @Transactional(readOnly = true)
    public Account account(long userId) {
        return jdbc.sql(StaffAccounts.SELECT + " WHERE u.id = ?").param(userId).query((rs, n) -> account(rs)).optional()
                .orElseThrow(() -> new NotFoundException("admin.user.notFound"));
    }

    /** Creates an account with its roles, data scope and first password. */
    @Transactional
    public long createUser(String username, String displayName, long unitId, Set<Role> roles, DataScope scope,
            String password) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanUsername = username == null ? "" : username.strip().toLowerCase();
        if (!cleanUsername.matches("[a-z0-9_.-]{2,64}")) {
            problems.add(FieldProblem.of("username", "admin.user.username.invalid"));
        } else if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization.staff_user WHERE username = ?)")
                .param(cleanUsername).query(Boolean.class).single()) {
            problems.add(FieldProblem.of("username", "admin.user.usernameTaken"));
        }
        String cleanName = displayName == null ? "" : displayName.strip();
        requireName(problems, "displayName", cleanName, 50);
        checkAssignment(problems, unitId, roles, scope);
        checkPassword(problems, "password", password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO organization.staff_user (username, display_name, password_hash, unit_id, data_scope, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(cleanUsername, cleanName, encoder.encode(password), unitId, scope.name(), Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class).single();
        saveRoles(id, roles);
        audit.record("user.created", "user", cleanUsername, "unit " + unitId + ", roles " + roles + ", scope " + scope);
        return id;
    }

    /**
     * Changes name, unit, roles and data scope. The person's open sessions end, because the session
     * holds the roles and scope it started with.
     */
    @Transactional
    public void updateUser(long userId, String displayName, long unitId, Set<Role> roles, DataScope scope, StaffUser by) {
        Account before = account(userId);
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = displayName == null ? "" : displayName.strip();
        requireName(problems, "displayName", cleanName, 50);
        checkAssignment(problems, unitId, roles, scope);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (by.id() == userId && !roles.contains(Role.ADMIN)) {
            throw new RuleViolationException("admin.user.ownAdminRole");
        }
        jdbc.sql("UPDATE organization.staff_user SET display_name = ?, unit_id = ?, data_scope = ?, updated_at = ? WHERE id = ?")
                .params(cleanName, unitId, scope.name(), Timestamp.from(clock.instant()), userId).update();
        saveRoles(userId, roles);
        if (!before.roles().equals(roles) || before.unitId() != unitId || before.scope() != scope) {
            endSessions(before.username(), userId);
        }
        audit.record("user.updated", "user", before.username(), "unit " + before.unitId() + " -> " + unitId + ", roles "
                + before.roles() + " -> " + roles + ", scope " + before.scope() + " -> " + scope);
    }

    /** Sets a new password (the administrator tells it to the person); their sessions and tokens end. */
    @Transactional
    public void resetPassword(long userId, String password) {
        Account account = account(userId);
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(problems, "password", password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                UPDATE organization.staff_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?
                WHERE id = ?""").params(encoder.encode(password), Timestamp.from(clock.instant()), userId).update();
        endSessions(account.username(), userId);
        audit.record("user.passwordReset", "user", account.username(), "");
    }

    /**
     * 停用 (locked) or 启用 (unlocked) an account. Unlocking also lifts a lockout after wrong passwords;
     * locking ends the person's sessions and tokens at once. Administrators cannot lock themselves out.
     */
    @Transactional
    public void setEnabled(long userId, boolean enabled, StaffUser by) {
        Account account = account(userId);
        if (!enabled && by.id() == userId) {
            throw new RuleViolationException("admin.user.lockSelf");
        }
        jdbc.sql("""
                UPDATE organization.staff_user SET enabled = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?
                WHERE id = ?""").params(enabled, Timestamp.from(clock.instant()), userId).update();
        if (!enabled) {
            endSessions(account.username(), userId);
        }
        audit.record(enabled ? "user.unlocked" : "user.locked", "user", account.username(), "");
    }

    // ------------------------------------------------------------------ pieces

    /**
     * Whether a region code lies inside the parent territory: township and community codes extend
     * their parent's code; county codes share the city's first four digits, city codes the province's
     * first two (GB/T 2260).
     */
    private static boolean liesIn(String region, Unit parent) {
        String p = parent.regionCode();
        if (region.length() > p.length()) {
            return region.startsWith(p);
        }
        if (region.length() == 6 && p.length() == 6 && !region.equals(p)) {
            return region.startsWith(p.substring(0, parent.level() == UnitLevel.PROVINCE ? 2 : 4));
        }
        return false;
    }

    private void checkAssignment(List<FieldProblem> problems, long unitId, Set<Role> roles, DataScope scope) {
        boolean unitActive = jdbc.sql("SELECT coalesce((SELECT active FROM organization.unit WHERE id = ?), FALSE)")
                .param(unitId).query(Boolean.class).single();
        if (!unitActive) {
            problems.add(FieldProblem.of("unitId", "validation.unit.unknown"));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(FieldProblem.of("roles", "admin.user.roles.required"));
        }
        if (scope == null) {
            problems.add(FieldProblem.of("scope", "validation.required"));
        }
    }

    private static void checkPassword(List<FieldProblem> problems, String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            problems.add(FieldProblem.of(field, "admin.user.password.invalid", MIN_PASSWORD));
        } else if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)
                && password.chars().allMatch(Character::isLetterOrDigit)) {
            problems.add(FieldProblem.of(field, "admin.user.passwordMix"));
        }
    }

    private static void requireName(List<FieldProblem> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (value.length() > max) {
            problems.add(FieldProblem.of(field, "validation.tooLong", max));
        }
    }

    private void saveRoles(long userId, Set<Role> roles) {
        jdbc.sql("DELETE FROM organization.user_role WHERE user_id = ?").param(userId).update();
        for (Role role : EnumSet.copyOf(roles)) {
            jdbc.sql("INSERT INTO organization.user_role (user_id, role) VALUES (?, ?)").params(userId, role.name()).update();
        }
    }

    /** Ends the person's web sessions (kept in the database for every node) and revokes their API tokens. */
    private void endSessions(String username, long userId) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(username).update();
        jdbc.sql("DELETE FROM organization.api_token WHERE user_id = ?").param(userId).update();
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        StaffUser staff = StaffAccounts.staff(rs);
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(staff.id(), staff.username(), staff.displayName(), staff.unitId(), staff.unitName(),
                staff.roles(), staff.scope(), rs.getBoolean("enabled"), locked == null ? null : locked.toInstant());
    }
}
