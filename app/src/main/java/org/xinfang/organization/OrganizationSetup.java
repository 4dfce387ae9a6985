package org.xinfang.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty organisation on first start. Demo mode builds 示范市 with its districts, townships,
 * communities, functional units and one user per role (password {@value #DEMO_PASSWORD}); production
 * mode creates only the root territory, its 信访局 and the first administrator, whose password must come
 * from configuration. Runs under an advisory lock so nodes starting together seed once.
 */
@Component
@Order(10)
class OrganizationSetup implements ApplicationRunner {

    static final String DEMO_PASSWORD = "xinfang-demo";

    private static final Logger log = LoggerFactory.getLogger(OrganizationSetup.class);

    /** A department every territory from district level up has: code suffix, name suffix, kind, function. */
    private record Department(String suffix, String cityName, String districtName, UnitKind kind, String function) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("XFJ", "信访局", "信访局", UnitKind.PETITION_BUREAU, null),
            new Department("ZJJ", "住房和城乡建设局", "住房和城乡建设局", UnitKind.DEPARTMENT, "HOUSING"),
            new Department("RSJ", "人力资源和社会保障局", "人力资源和社会保障局", UnitKind.DEPARTMENT, "HUMAN_RESOURCES"),
            new Department("JYJ", "教育局", "教育局", UnitKind.DEPARTMENT, "EDUCATION"),
            new Department("HBJ", "生态环境局", "生态环境分局", UnitKind.DEPARTMENT, "ENVIRONMENT"),
            new Department("WJW", "卫生健康委员会", "卫生健康局", UnitKind.DEPARTMENT, "HEALTH"),
            new Department("JTJ", "交通运输局", "交通运输局", UnitKind.DEPARTMENT, "TRANSPORT"),
            new Department("SWJ", "商务局", "商务局", UnitKind.DEPARTMENT, "COMMERCE"),
            new Department("WLJ", "文化广电旅游局", "文化广电旅游局", UnitKind.DEPARTMENT, "CULTURE_TOURISM"),
            new Department("ZRJ", "自然资源和规划局", "自然资源局", UnitKind.DEPARTMENT, "NATURAL_RESOURCES"),
            new Department("SFJ", "司法局", "司法局", UnitKind.DEPARTMENT, "JUSTICE"),
            new Department("GAJ", "公安局", "公安分局", UnitKind.DEPARTMENT, "PUBLIC_SECURITY"),
            new Department("JW", "纪委监委", "纪委监委", UnitKind.DISCIPLINE, null),
            new Department("ZFW", "委政法委", "委政法委", UnitKind.POLITICAL_LEGAL, null),
            new Department("FY", "中级人民法院", "人民法院", UnitKind.COURT, null));

    private record District(String code, String name, List<String[]> townships) {
    }

    /** 示范市 is fictional; its codes use the unassigned province prefix 99 so they never clash with real ones. */
    private static final List<District> DISTRICTS = List.of(
            new District("990102", "东湖区", List.of(
                    new String[] { "001", "东湖街道", "翠湖社区", "湖光社区" },
                    new String[] { "002", "湖滨街道", "滨江社区", "柳岸社区" },
                    new String[] { "101", "柳桥镇", "柳桥村", "石坝村" })),
            new District("990103", "西山区", List.of(
                    new String[] { "001", "西山街道", "枫林社区", "松涛社区" },
                    new String[] { "002", "云岭街道", "云岭社区", "望峰社区" },
                    new String[] { "101", "梅坞镇", "梅坞村", "茶园村" })),
            new District("990104", "南江区", List.of(
                    new String[] { "001", "南江街道", "江湾社区", "沙洲社区" },
                    new String[] { "002", "码头街道", "新港社区", "老街社区" },
                    new String[] { "101", "芦荡镇", "芦荡村", "渔港村" })),
            new District("990105", "北岭区", List.of(
                    new String[] { "001", "北岭街道", "矿山社区", "新华社区" },
                    new String[] { "002", "工业园街道", "园区社区", "兴业社区" },
                    new String[] { "101", "杏花镇", "杏花村", "桃源村" })),
            new District("990121", "青禾县", List.of(
                    new String[] { "100", "青禾镇", "城关社区", "禾丰村" },
                    new String[] { "200", "稻香乡", "稻香村", "河湾村" },
                    new String[] { "201", "白石乡", "白石村", "竹林村" })));

    private final UnitStore units;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final boolean demo;
    private final String adminPassword;
    private final String rootName;
    private final String rootRegionCode;

    OrganizationSetup(UnitStore units, JdbcClient jdbc, PasswordEncoder encoder, TransactionTemplate tx,
            @Value("${xinfang.demo}") boolean demo,
            @Value("${xinfang.admin.password:${XINFANG_ADMIN_PASSWORD:}}") String adminPassword,
            @Value("${xinfang.organization.root-name:${XINFANG_ROOT_NAME:}}") String rootName,
            @Value("${xinfang.organization.root-region-code:${XINFANG_ROOT_REGION_CODE:}}") String rootRegionCode) {
        this.units = units;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.tx = tx;
        this.demo = demo;
        this.adminPassword = adminPassword;
        this.rootName = rootName;
        this.rootRegionCode = rootRegionCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('xinfang-organization-setup'))").query(Object.class).single();
            if (!units.isEmpty()) {
                return;
            }
            if (demo) {
                seedDemoCity();
            } else {
                seedProductionRoot();
            }
        });
    }

    private void seedProductionRoot() {
        if (adminPassword == null || adminPassword.length() < 12) {
            throw new IllegalStateException("首次以生产模式启动需要设置初始管理员密码（至少12位）：XINFANG_ADMIN_PASSWORD. "
                    + "The first production start needs XINFANG_ADMIN_PASSWORD (at least 12 characters), "
                    + "XINFANG_ROOT_NAME and XINFANG_ROOT_REGION_CODE.");
        }
        if (rootName.isBlank() || !org.xinfang.shared.RegionCode.isWellFormed(rootRegionCode)) {
            throw new IllegalStateException("请设置 XINFANG_ROOT_NAME 与 XINFANG_ROOT_REGION_CODE（6位行政区划代码）。 "
                    + "Set XINFANG_ROOT_NAME and XINFANG_ROOT_REGION_CODE (6-digit region code).");
        }
        Unit root = units.insert(null, rootRegionCode, rootName, UnitLevel.CITY, UnitKind.TERRITORY, null, rootRegionCode, 0);
        Unit bureau = units.insert(root, rootRegionCode + "-XFJ", rootName + "信访局", UnitLevel.CITY,
                UnitKind.PETITION_BUREAU, null, rootRegionCode, 1);
        createUser("admin", "系统管理员", adminPassword, bureau, DataScope.TERRITORY_AND_BELOW, Set.of(Role.ADMIN));
        log.info("Created the root territory {} and the first administrator 'admin'", rootName);
    }

    private void seedDemoCity() {
        Unit city = units.insert(null, "990100", "示范市", UnitLevel.CITY, UnitKind.TERRITORY, null, "990100", 0);
        List<Unit> cityDepartments = departments(city, "示范市", UnitLevel.CITY, true);
        int order = 100;
        List<Unit> districts = new ArrayList<>();
        for (District d : DISTRICTS) {
            Unit district = units.insert(city, d.code(), d.name(), UnitLevel.DISTRICT, UnitKind.TERRITORY, null, d.code(), order++);
            districts.add(district);
            departments(district, d.name(), UnitLevel.DISTRICT, false);
            int t = 100;
            for (String[] township : d.townships()) {
                String code = d.code() + township[0];
                Unit town = units.insert(district, code, township[1], UnitLevel.TOWNSHIP, UnitKind.TERRITORY, null, code, t++);
                for (int c = 2; c < township.length; c++) {
                    String communityCode = code + (township[c].endsWith("村") ? "2" : "0") + String.format("%02d", c - 1);
                    units.insert(town, communityCode, township[c], UnitLevel.COMMUNITY, UnitKind.TERRITORY, null,
                            communityCode, c);
                }
            }
        }
        Unit cityBureau = byCode(cityDepartments, "990100-XFJ");
        Unit donghuHousing = units.findByCode("990102-ZJJ").orElseThrow();
        Unit xishanHousing = units.findByCode("990103-ZJJ").orElseThrow();
        createUser("admin", "系统管理员", DEMO_PASSWORD, cityBureau, DataScope.TERRITORY_AND_BELOW, Set.of(Role.ADMIN));
        createUser("clerk", "李晓梅", DEMO_PASSWORD, cityBureau, DataScope.TERRITORY_AND_BELOW, Set.of(Role.CLERK));
        createUser("supervisor", "张建国", DEMO_PASSWORD, cityBureau, DataScope.TERRITORY_AND_BELOW, Set.of(Role.SUPERVISOR));
        createUser("leader", "陈志远", DEMO_PASSWORD, city, DataScope.UNIT_AND_BELOW, Set.of(Role.LEADER));
        createUser("handler", "刘洋", DEMO_PASSWORD, donghuHousing, DataScope.OWN_UNIT, Set.of(Role.HANDLER));
        createUser("approver", "赵立新", DEMO_PASSWORD, donghuHousing, DataScope.OWN_UNIT, Set.of(Role.APPROVER));
        createUser("handler2", "孙明", DEMO_PASSWORD, xishanHousing, DataScope.OWN_UNIT, Set.of(Role.HANDLER));
        // beyond the contract: the 复查 organ of 东湖区's departments is the 东湖区 people's government
        createUser("reviewer", "周敏", DEMO_PASSWORD, districts.get(0), DataScope.OWN_UNIT,
                Set.of(Role.HANDLER, Role.APPROVER));
        createUser("donghujw", "吴刚", DEMO_PASSWORD, units.findByCode("990102-JW").orElseThrow(), DataScope.OWN_UNIT,
                Set.of(Role.HANDLER, Role.APPROVER));
        log.info("Seeded the demo city 示范市: {} districts/counties and their units, 9 demo users", districts.size());
    }

    private List<Unit> departments(Unit territory, String territoryName, UnitLevel level, boolean city) {
        List<Unit> created = new ArrayList<>();
        int order = 1;
        for (Department d : DEPARTMENTS) {
            String name = territoryName + (city ? d.cityName() : d.districtName());
            if (d.kind() == UnitKind.POLITICAL_LEGAL) {
                name = "中共" + territoryName + d.cityName();
            }
            created.add(units.insert(territory, territory.regionCode() + "-" + d.suffix(), name, level, d.kind(),
                    d.function(), territory.regionCode(), order++));
        }
        return created;
    }

    private static Unit byCode(List<Unit> list, String code) {
        return list.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    private void createUser(String username, String displayName, String password, Unit unit, DataScope scope,
            Set<Role> roles) {
        long id = jdbc.sql("""
                INSERT INTO organization.staff_user (username, display_name, password_hash, unit_id, data_scope)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(username, displayName, encoder.encode(password), unit.id(), scope.name())
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO organization.user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
    }
}
