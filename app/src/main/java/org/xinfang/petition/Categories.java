package org.xinfang.petition;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.shared.InvalidInputException;

/** 内容分类: the category tree administrators maintain, for registration forms, reports and warnings. */
@Service
public class Categories {

    /** One category; {@code keyDomain} marks 房地产、金融、劳动关系、教育医疗、环境保护 and the like. */
    public record Category(String code, String name, String parentCode, int level, boolean keyDomain, boolean active) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Categories(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Active categories in tree order. */
    public List<Category> all() {
        return jdbc.sql("""
                SELECT c.code, c.name, c.parent_code, c.level, c.key_domain, c.active FROM petition.category c
                LEFT JOIN petition.category p ON p.code = c.parent_code
                WHERE c.active ORDER BY coalesce(p.sort_order, c.sort_order), c.level, c.sort_order""")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    /** Every category, deactivated ones included, in tree order: for the administrators' page. */
    public List<Category> everything() {
        return jdbc.sql("""
                SELECT c.code, c.name, c.parent_code, c.level, c.key_domain, c.active FROM petition.category c
                LEFT JOIN petition.category p ON p.code = c.parent_code
                ORDER BY coalesce(p.sort_order, c.sort_order), c.level, c.sort_order, c.code""")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    /** The category with this name (names are what petitions store), if any. */
    public Optional<Category> byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Adds, renames, moves or (de)activates a category (administrators); audited. */
    @Transactional
    public void save(Category c) {
        if (c.code() == null || !c.code().matches("[A-Z0-9_]{2,40}")) {
            throw new InvalidInputException("code", "validation.category.code");
        }
        if (c.name() == null || c.name().isBlank() || c.name().length() > 50) {
            throw new InvalidInputException("name", "validation.required");
        }
        jdbc.sql("""
                INSERT INTO petition.category (code, name, parent_code, level, key_domain, active)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code,
                    level = EXCLUDED.level, key_domain = EXCLUDED.key_domain, active = EXCLUDED.active""")
                .params(c.code(), c.name().strip(), c.parentCode(), c.level(), c.keyDomain(), c.active()).update();
        audit.record("category.saved", "category", c.code(), c.name().strip() + (c.active() ? "" : " (inactive)"));
    }
}
