package org.xinfang.bench.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.deadline.Calendars;
import org.xinfang.deadline.PeriodRules;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.deadline.WorkingCalendar;
import org.xinfang.insight.PetitionClassifier;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.UnitLevel;
import org.xinfang.organization.Units;
import org.xinfang.people.Field;
import org.xinfang.people.IdCardNumber;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.routing.RoutingPolicies;
import org.xinfang.search.TextSegmentation;
import org.xinfang.shared.ChinaTime;

/**
 * Fills a freshly migrated Xinfang database (the demo city) with {@code n} petitions received from
 * 2022-01-01 to now, as the platform would hold them after years of use. See {@link BenchDatabase}.
 * <p>
 * Petitions are generated in the order they were received: the number of each day follows the week
 * (few on weekends, when only online channels run, and on public holidays), the season (a dip at the
 * Spring Festival, peaks after it and in autumn) and a slow yearly growth. Each petition then lives
 * through its steps — registration, routing, acceptance or return or decline, extension, reply and
 * approval, delivery, rating, 复查 and 复核, closing when the review window passes — each step at a
 * working-day office hour after the one before, with the statutory clocks moved exactly as
 * {@code PetitionLifecycle} moves them; whatever step would lie after now has not happened yet, so
 * the recent petitions are open in every state. A petitioner pool of a third of the petition count,
 * skewed so some people petition often, gives repeat petitioners, 初信初访 flags and 重复信访 linked to
 * the open petition of the same person.
 * <p>
 * Loading: the secondary indexes and foreign keys of the loaded tables are dropped, every table is
 * streamed with COPY on its own connection, and then the indexes and keys are created again from their
 * own definitions (so they are exactly what the migrations made).
 */
final class Generator {

    /** What was loaded. */
    record Report(Map<String, Long> rows, Duration generate, Duration indexes, int realMessages) {
    }

    private static final Instant START = LocalDate.of(2022, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** Where a duplicate may find its open original: petitions are emitted once this much older. */
    private static final Duration WINDOW = Duration.ofDays(75);
    private static final List<String> TABLES = List.of("people.petitioner", "petition.petition", "petition.timeline",
            "petition.access", "deadline.clock", "search.petition_text");

    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
            "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };
    private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "国强", "玉兰", "志刚", "海燕", "建国", "小红" };
    private static final String[] ROADS = { "人民路", "解放路", "建设大道", "滨江路", "中山路", "文化路", "工业大道", "湖光路" };

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final DataSource ds;
    private final PersonalDataCipher cipher;
    private final Units units;
    private final RoutingPolicies routing;
    private final PeriodRules rules;
    private final WorkingCalendar calendar;
    private final Random r;
    private final SecureRandom codes = new SecureRandom();
    private final Instant now = Instant.now();
    private final LocalDate today = LocalDate.now(ChinaTime.ZONE);

    // the demo city
    private Unit city;
    private Unit cityBureau;
    private final List<Unit> districts = new ArrayList<>();
    private final Map<Long, List<Unit>> placesOfDistrict = new HashMap<>();
    private final Map<String, Unit> byCode = new HashMap<>();
    private final Map<Long, Unit> byId = new HashMap<>();
    private PetitionTexts texts;

    // state of a run
    private UUID[] petitioners;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<Long, String> territoryCodes = new HashMap<>();
    private Set<String> againTerms;
    private final java.util.BitSet petitionedBefore = new java.util.BitSet();
    private final ArrayDeque<CaseHistory> open = new ArrayDeque<>();
    private final ArrayList<CaseHistory> openList = new ArrayList<>();
    private long seq;

    Generator(ConfigurableApplicationContext app, long seed) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.ds = app.getBean(DataSource.class);
        this.cipher = app.getBean(PersonalDataCipher.class);
        this.units = app.getBean(Units.class);
        this.routing = app.getBean(RoutingPolicies.class);
        Calendars calendars = app.getBean(Calendars.class);
        this.rules = calendars.rules();
        this.calendar = calendars.current();
        this.r = new Random(seed);
    }

    Report generate(int n, Path folder, Path sharedData) throws Exception {
        long t0 = System.nanoTime();
        loadCity();
        List<String> categories = jdbc.sql("SELECT name FROM petition.category WHERE active").query(String.class).list();
        List<String> generated = new ArrayList<>();
        for (String c : List.of("城乡建设", "物业管理", "征地拆迁", "劳动和社会保障", "拖欠工资", "社会保险", "教育文体", "入学与学位", "商贸旅游",
                "环境保护", "噪声扰民", "卫生计生", "医疗纠纷", "交通运输", "农村农业", "其他")) {
            if (categories.contains(c)) {
                generated.add(c);
            }
        }
        List<String> placeNames = units.territories().stream().filter(u -> u.level() != UnitLevel.CITY).map(Unit::name).toList();
        texts = new PetitionTexts(app.getBean(TextSegmentation.class).segmenter(), placeNames, generated, new Random(r.nextLong()));
        int real = texts.readRealMessages(sharedData, app.getBean(PetitionClassifier.class));
        System.out.printf(Locale.ROOT, "texts: %d categories of templates, %d real messages%s%n", generated.size(), real,
                real == 0 ? " (no ../shared/data beside the repository: templates only)" : " from " + sharedData);
        checkTermsLiteral();

        Map<String, String> indexes = dropIndexes();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("people.petitioner", (long) writePetitioners(Math.max(2_000, n / 3)));

        Path sample = folder.resolve(BenchDatabase.SAMPLE_FILE);
        try (CopyStream petitions = new CopyStream(ds, "petition.petition", PETITION_COLUMNS);
                CopyStream timeline = new CopyStream(ds, "petition.timeline",
                        "petition_id, at, event, actor, unit_id, note, public");
                CopyStream access = new CopyStream(ds, "petition.access", "petition_id, unit_id");
                CopyStream clocks = new CopyStream(ds, "deadline.clock", "subject_id, subject_ref, period, unit_id, started_at,"
                        + " days, day_count, due_date, state, closed_at, approaching_raised, missed_raised, created_at");
                CopyStream search = new CopyStream(ds, "search.petition_text",
                        "petition_id, number, title, content, reply, category, region_code, received_at, terms, indexed_at");
                Writer samples = Files.newBufferedWriter(sample, StandardCharsets.UTF_8)) {
            samples.write("# number\tquery code\tstatus\tconfidential\tcurrent unit\n");
            Sink sink = new Sink(petitions, timeline, access, clocks, search, samples, Math.max(1, n / 20_000));
            long[] perDay = schedule(n);
            long done = 0;
            long reportEvery = Math.max(100_000, n / 10);
            for (int d = 0; d < perDay.length; d++) {
                LocalDate day = LocalDate.ofInstant(START, ChinaTime.ZONE).plusDays(d);
                Instant[] times = times(day, (int) perDay[d]);
                for (Instant at : times) {
                    CaseHistory c = next(at, day);
                    open.addLast(c);
                    openList.add(c);
                    done++;
                    if (done % reportEvery == 0) {
                        System.out.printf(Locale.ROOT, "  %,d / %,d petitions (%.0f s)%n", done, n, (System.nanoTime() - t0) / 1e9);
                    }
                }
                Instant horizon = day.atStartOfDay(ChinaTime.ZONE).toInstant().minus(WINDOW);
                while (!open.isEmpty() && open.peekFirst().receivedAt.isBefore(horizon)) {
                    sink.write(open.removeFirst());
                }
                if (openList.size() > open.size() * 2 + 1000) {
                    openList.retainAll(new java.util.HashSet<>(open));
                }
            }
            while (!open.isEmpty()) {
                sink.write(open.removeFirst());
            }
            rows.put("petition.petition", petitions.rows());
            rows.put("petition.timeline", timeline.rows());
            rows.put("petition.access", access.rows());
            rows.put("deadline.clock", clocks.rows());
            rows.put("search.petition_text", search.rows());
        }
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            jdbc.sql("""
                    INSERT INTO petition.number_counter (prefix, last) VALUES (?, ?)
                    ON CONFLICT (prefix) DO UPDATE SET last = greatest(petition.number_counter.last, EXCLUDED.last)""")
                    .params(e.getKey(), e.getValue()).update();
        }
        Duration generate = Duration.ofNanos(System.nanoTime() - t0);
        long t1 = System.nanoTime();
        System.out.println("creating the indexes and keys again …");
        restoreIndexes(indexes);
        for (String table : TABLES) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        return new Report(rows, generate, Duration.ofNanos(System.nanoTime() - t1), real);
    }

    // ------------------------------------------------------------------ the city

    private void loadCity() {
        for (Unit u : jdbc.sql("SELECT id FROM organization.unit ORDER BY id").query(Long.class).list().stream()
                .map(id -> units.find(id).orElseThrow()).toList()) {
            byCode.put(u.code(), u);
            byId.put(u.id(), u);
        }
        city = units.territories().stream().filter(u -> u.parentId() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no territory: the demo city is needed (xinfang.demo=true)"));
        cityBureau = byCode.get(city.regionCode() + "-XFJ");
        for (Unit t : units.territories()) {
            if (t.level() == UnitLevel.DISTRICT) {
                districts.add(t);
            }
        }
        districts.sort(Comparator.comparing(Unit::code));
        for (Unit d : districts) {
            List<Unit> places = new ArrayList<>();
            for (Unit t : units.territories()) {
                if (t.regionCode().startsWith(d.regionCode()) && t.level() != UnitLevel.DISTRICT) {
                    places.add(t);
                }
            }
            placesOfDistrict.put(d.id(), places);
        }
        if (cityBureau == null || districts.isEmpty()) {
            throw new IllegalStateException("the generator needs the demo city 示范市 (xinfang.demo=true)");
        }
    }

    private Unit unit(Unit territory, String suffix) {
        Unit u = byCode.get(territory.regionCode() + "-" + suffix);
        return u == null ? territory : u;
    }

    /** The department that handles a category in a territory (its 职能部门). */
    private Unit department(Unit territory, String category) {
        String suffix = switch (category) {
            case "城乡建设", "物业管理" -> "ZJJ";
            case "征地拆迁", "农村农业" -> "ZRJ";
            case "劳动和社会保障", "拖欠工资", "社会保险" -> "RSJ";
            case "教育文体", "入学与学位" -> "JYJ";
            case "商贸旅游" -> "SWJ";
            case "环境保护", "噪声扰民" -> "HBJ";
            case "卫生计生", "医疗纠纷" -> "WJW";
            case "交通运输" -> "JTJ";
            default -> null;
        };
        return suffix == null ? territory : unit(territory, suffix);
    }

    // ------------------------------------------------------------------ staff

    private static final String[] STAFF = { "王磊", "陈静", "刘芳", "张伟", "杨帆", "黄丽", "吴强", "周婷", "徐杰", "孙丽娟", "马超", "朱敏",
            "胡军", "郭燕", "何平", "高峰", "林晓", "罗佳", "梁宇", "宋涛" };

    private String clerk(Unit unit) {
        return unit.id() == cityBureau.id() ? "李晓梅" : STAFF[(int) (unit.id() % STAFF.length)];
    }

    private String handler(Unit unit) {
        return switch (unit.code()) {
            case "990102-ZJJ" -> "刘洋";
            case "990103-ZJJ" -> "孙明";
            default -> STAFF[(int) ((unit.id() * 7 + 3) % STAFF.length)];
        };
    }

    private String handlerUsername(Unit unit) {
        return switch (unit.code()) {
            case "990102-ZJJ" -> "handler";
            case "990103-ZJJ" -> "handler2";
            default -> "staff-" + unit.code().toLowerCase(Locale.ROOT);
        };
    }

    private String approver(Unit unit) {
        return switch (unit.code()) {
            case "990102-ZJJ" -> "赵立新";
            case "990102" -> "周敏";
            default -> STAFF[(int) ((unit.id() * 11 + 5) % STAFF.length)];
        };
    }

    // ------------------------------------------------------------------ when

    /** Petitions per day from 2022-01-01 to today, summing to n: week, holidays, season, growth. */
    private long[] schedule(int n) {
        LocalDate first = LocalDate.ofInstant(START, ChinaTime.ZONE);
        int days = (int) ChronoUnit.DAYS.between(first, today) + 1;
        double[] w = new double[days];
        double sum = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = first.plusDays(i);
            double weekday = switch (d.getDayOfWeek()) {
                case MONDAY -> 1.25;
                case TUESDAY, WEDNESDAY, THURSDAY -> 1.1;
                case FRIDAY -> 1.0;
                case SATURDAY -> 0.4;
                case SUNDAY -> 0.32;
            };
            if (!calendar.isWorkingDay(d) && d.getDayOfWeek().getValue() <= 5) {
                weekday = 0.3; // a public holiday: online only
            }
            double season = 1 + 0.18 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 40) / 365.0)
                    + 0.1 * Math.sin(4 * Math.PI * (d.getDayOfYear() - 60) / 365.0);
            double growth = 1 + 0.1 * i / 365.0;
            double partOfToday = i == days - 1 ? Math.min(1, Duration.between(today.atStartOfDay(ChinaTime.ZONE).toInstant(), now)
                    .toMinutes() / 1440.0) : 1;
            w[i] = weekday * season * growth * partOfToday;
            sum += w[i];
        }
        long[] out = new long[days];
        double carry = 0;
        long total = 0;
        for (int i = 0; i < days; i++) {
            double exact = w[i] / sum * n + carry;
            out[i] = Math.round(exact);
            carry = exact - out[i];
            total += out[i];
        }
        out[days - 1] += n - total;
        return out;
    }

    /** The moments of a day's petitions, in order: office hours for letters and visits, evenings online. */
    private Instant[] times(LocalDate day, int count) {
        Instant[] out = new Instant[count];
        Instant dayStart = day.atStartOfDay(ChinaTime.ZONE).toInstant();
        long limit = day.equals(today) ? Math.max(1, Duration.between(dayStart, now).getSeconds()) : 86_400;
        for (int i = 0; i < count; i++) {
            double u = r.nextDouble();
            // a day's activity: most between 8 and 18 h, some in the evening, little at night
            double hour = u < 0.75 ? 8 + r.nextDouble() * 10 : u < 0.95 ? 18 + r.nextDouble() * 5 : r.nextDouble() * 8;
            long s = Math.min(limit - 1, (long) (hour * 3600));
            out[i] = dayStart.plusSeconds(s);
        }
        Arrays.sort(out);
        return out;
    }

    /** A moment in office hours (9:00–17:30) on a working day, no earlier than {@code earliest} + the days given. */
    private Instant office(Instant earliest, double minDays, double maxDays) {
        Instant t = earliest.plusSeconds((long) ((minDays + r.nextDouble() * (maxDays - minDays)) * 86_400));
        LocalDate d = LocalDate.ofInstant(t, ChinaTime.ZONE);
        LocalTime time = LocalTime.ofInstant(t, ChinaTime.ZONE);
        if (time.isAfter(LocalTime.of(17, 30))) {
            d = d.plusDays(1);
        }
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        Instant candidate = d.atTime(9, 0).atZone(ChinaTime.ZONE).toInstant().plusSeconds(r.nextInt(8 * 3600 + 1800));
        return candidate.isAfter(earliest) ? candidate : earliest.plusSeconds(60 + r.nextInt(3600));
    }

    private boolean happened(Instant at) {
        return !at.isAfter(now);
    }

    // ------------------------------------------------------------------ one petition

    private CaseHistory next(Instant received, LocalDate day) {
        CaseHistory c = new CaseHistory(rules, calendar);
        c.seq = seq++;
        c.id = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        c.receivedAt = received;
        boolean workday = calendar.isWorkingDay(day);
        double u = r.nextDouble();
        c.channel = !workday ? (u < 0.75 ? "ONLINE" : "WECHAT")
                : u < 0.34 ? "ONLINE" : u < 0.54 ? "LETTER" : u < 0.74 ? "VISIT" : u < 0.9 ? "PHONE" : "WECHAT";
        u = r.nextDouble();
        c.type = u < 0.75 ? "APPEAL" : u < 0.93 ? "SUGGESTION" : "ACCUSATION";
        c.confidential = c.type.equals("ACCUSATION");
        Unit district = pickDistrict();
        List<Unit> places = placesOfDistrict.get(district.id());
        c.regionCode = r.nextInt(5) == 0 ? district.regionCode() : places.get(r.nextInt(places.size())).regionCode();
        boolean online = c.channel.equals("ONLINE") || c.channel.equals("WECHAT");
        Unit receiving = online || r.nextInt(100) < 55 ? cityBureau : unit(district, "XFJ");
        c.receivingUnitId = receiving.id();
        c.currentUnitId = receiving.id();
        c.registeredAt = switch (c.channel) {
            case "LETTER" -> office(received, 0, 2);
            case "ONLINE", "WECHAT" -> received;
            default -> received.plusSeconds(300 + r.nextInt(1800));
        };
        if (c.registeredAt.isAfter(now)) {
            c.registeredAt = now;
        }
        c.registeredBy = online ? "网上信访" : clerk(receiving);
        c.publicAllowed = online && r.nextInt(3) == 0;
        c.urgent = r.nextInt(40) == 0;
        if (c.channel.equals("VISIT") && r.nextInt(20) == 0) {
            c.headcount = 5 + r.nextInt(26);
        }
        c.channelDetails = switch (c.channel) {
            case "LETTER" -> "{\"letterDate\": \"" + OffsetDateTime.ofInstant(received.minus(Duration.ofDays(2 + r.nextInt(5))),
                    ChinaTime.ZONE) + "\"}";
            case "PHONE" -> "{\"callTime\": \"" + OffsetDateTime.ofInstant(received, ChinaTime.ZONE) + "\"}";
            case "VISIT" -> "{\"visitPlace\": \"" + receiving.name() + "接待大厅\"}";
            default -> "{}";
        };
        c.number = number(receiving, day);
        c.queryCode = queryCode();

        // 重复信访: the same person about the same matter while the first petition is still open
        if (r.nextInt(100) < 3) {
            Optional<CaseHistory> original = openOriginal(c.registeredAt);
            if (original.isPresent()) {
                duplicate(c, original.get(), receiving);
                return c;
            }
        }
        int person = pickPetitioner();
        c.petitionerId = petitioners[person];
        c.firstTime = !petitionedBefore.get(person);
        petitionedBefore.set(person);
        content(c);
        register(c, receiving);
        live(c, receiving, district);
        return c;
    }

    private Unit pickDistrict() {
        int u = r.nextInt(100);
        int i = u < 30 ? 0 : u < 52 ? 1 : u < 72 ? 2 : u < 88 ? 3 : 4;
        return districts.get(Math.min(i, districts.size() - 1));
    }

    /** A skewed pick: a fifth of the petitions come from 2 % of the people (the frequent petitioners). */
    private int pickPetitioner() {
        int pool = petitioners.length;
        return r.nextInt(5) == 0 ? r.nextInt(Math.max(1, pool / 50)) : r.nextInt(pool);
    }

    private String number(Unit receiving, LocalDate day) {
        String prefix = territoryCodes.computeIfAbsent(receiving.id(), id -> units.territoryOf(receiving).regionCode()) + "-"
                + day.format(DAY);
        int n = numbers.merge(prefix, 1, Integer::sum);
        return prefix + "-" + String.format("%06d", n);
    }

    private String queryCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET.charAt(codes.nextInt(CODE_ALPHABET.length()));
        }
        return new String(code);
    }

    private PetitionTexts.Piece realReply;

    private void content(CaseHistory c) {
        realReply = null;
        if (texts.realMessages() > 0 && r.nextInt(100) < 45) {
            PetitionTexts.RealMessage m = texts.real(r);
            c.category = m.category();
            c.title = m.title().text();
            c.content = m.content().text();
            c.terms = new TreeSet<>(m.title().terms());
            c.terms.addAll(m.content().terms());
            realReply = m.reply();
            return;
        }
        List<String> categories = texts.categories();
        c.category = categories.get(r.nextInt(categories.size()));
        PetitionTexts.Piece title = texts.title(c.category, r);
        c.title = title.text();
        c.terms = new TreeSet<>(title.terms());
        StringBuilder sb = new StringBuilder();
        for (PetitionTexts.Piece p : texts.content(c.category, r)) {
            sb.append(p.text());
            c.terms.addAll(p.terms());
        }
        c.content = sb.toString();
    }

    private Optional<CaseHistory> openOriginal(Instant at) {
        for (int i = 0; i < 8 && !openList.isEmpty(); i++) {
            CaseHistory o = openList.get(r.nextInt(openList.size()));
            if (!o.written && o.repeatOf == null && o.status != null && !o.status.equals("DUPLICATE") && o.registeredAt.isBefore(at)
                    && o.openUntil.isAfter(at)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ the steps

    /** 登记, as PetitionLifecycle#register for a petition that repeats nothing. */
    private void register(CaseHistory c, Unit receiving) {
        c.status = "REGISTERED";
        c.updatedAt = c.registeredAt;
        c.indexedAt = c.registeredAt;
        c.access.add(receiving.id());
        c.record(c.registeredAt, "REGISTERED", c.registeredBy, receiving.id(), label(c.channel) + "登记", true);
        c.start(StatutoryPeriod.ROUTE, c.receivedAt, receiving.id());
        c.openUntil = Instant.MAX;
    }

    /** 重复信访: registered, linked to the open original, handled there (PetitionLifecycle#register). */
    private void duplicate(CaseHistory c, CaseHistory original, Unit receiving) {
        c.petitionerId = original.petitionerId;
        c.firstTime = false;
        c.category = original.category;
        c.title = original.title;
        c.content = "再次反映：" + original.content;
        c.terms = new TreeSet<>(original.terms);
        if (againTerms == null) {
            againTerms = texts.terms("再次反映：");
        }
        c.terms.addAll(againTerms);
        c.repeatOf = original.id;
        c.status = "DUPLICATE";
        c.updatedAt = c.registeredAt;
        c.indexedAt = c.registeredAt;
        c.access.add(receiving.id());
        Unit holder = byId.get(original.currentUnitId);
        c.skipLevel = holder.level().ordinal() > receiving.level().ordinal();
        c.record(c.registeredAt, "REGISTERED", c.registeredBy, receiving.id(), "重复信访：与信访件" + original.number
                + "为同一信访人的同一事项，并入该件办理" + (c.skipLevel ? "（越级）" : ""), true);
        c.openUntil = Instant.MIN;
        original.repeatCount++;
        original.record(c.registeredAt, "REPEAT_RECEIVED", c.registeredBy, receiving.id(), "收到重复信访件" + c.number
                + (c.skipLevel ? "（越级）" : ""), false);
        original.saved(c.registeredAt);
        original.access.add(receiving.id());
    }

    /** Every step after registration that has happened by now. */
    private void live(CaseHistory c, Unit receiving, Unit district) {
        Instant t = c.registeredAt;
        // the 信访部门 decides: 转送/交办, 转纪检监察, 诉访分离, or 不予受理
        Instant t1 = office(t, 0, r.nextInt(100) < 75 ? 3 : r.nextInt(100) < 85 ? 12 : 25);
        if (!happened(t1)) {
            return;
        }
        int u = r.nextInt(100);
        Unit target;
        String mode;
        if (c.type.equals("ACCUSATION")) {
            mode = "TO_DISCIPLINE";
            target = unit(district, "JW");
        } else if (u < 4) {
            mode = "GUIDE_TO_LEGAL_CHANNEL";
            target = unit(district, c.category.contains("劳动") || c.category.contains("工资") ? "RSJ" : r.nextBoolean() ? "SFJ" : "FY");
        } else if (u < 7) {
            String ground = pick("LEGAL_CHANNEL", "PEOPLES_CONGRESS_OR_JUDICIARY", "SKIP_LEVEL", "ALREADY_CONCLUDED",
                    "REVIEW_WINDOW_MISSED");
            decline(c, receiving, ground, clerk(receiving), "clerk-" + receiving.code().toLowerCase(Locale.ROOT), t1);
            return;
        } else {
            mode = r.nextInt(100) < 65 ? "FORWARD" : "ASSIGN";
            Unit territory = receiving.id() == cityBureau.id() && r.nextInt(4) == 0 ? city : district;
            target = department(territory, c.category);
        }
        route(c, mode, target, t1, clerk(receiving));
        if (!mode.equals("FORWARD") && !mode.equals("ASSIGN") && !mode.equals("TO_DISCIPLINE")) {
            return;
        }
        // the handling unit: 退回 within 5 working days, 不予受理, or 受理
        Instant t2;
        u = r.nextInt(100);
        if (u < 4 && !mode.equals("TO_DISCIPLINE")) {
            t2 = office(t1, 0.1, 4);
            LocalDate objectionDue = c.dueDate(StatutoryPeriod.MISROUTE_OBJECTION);
            if (!happened(t2) || objectionDue == null || !CaseHistory.onTime(t2, objectionDue)) {
                if (!happened(t2)) {
                    return;
                }
            } else {
                returnAsMisrouted(c, target, t2);
                Instant t3 = office(t2, 0.2, 5);
                if (!happened(t3)) {
                    return;
                }
                Unit other = department(district, pickOtherCategory(c.category));
                if (other.id() == target.id() || other.id() == c.currentUnitId) {
                    other = district;
                }
                route(c, "FORWARD", other, t3, clerk(receiving));
                target = other;
                t1 = t3;
            }
        }
        t2 = office(t1, 0.1, r.nextInt(100) < 88 ? 10 : 20);
        if (!happened(t2)) {
            return;
        }
        if (r.nextInt(100) < 3) {
            decline(c, target, pick("ALREADY_IN_HANDLING", "LEGAL_CHANNEL", "PEOPLES_CONGRESS_OR_JUDICIARY", "ALREADY_CONCLUDED"),
                    handler(target), handlerUsername(target), t2);
            return;
        }
        boolean simplified = c.firstTime && !c.type.equals("ACCUSATION") && r.nextInt(100) < 12;
        accept(c, target, simplified, t2);
        handle(c, target, simplified, t2);
    }

    private void route(CaseHistory c, String mode, Unit target, Instant at, String clerk) {
        c.routedByUnitId = c.currentUnitId;
        c.routeMode = mode;
        c.currentUnitId = target.id();
        c.access.add(target.id());
        if (mode.equals("TO_DISCIPLINE")) {
            c.confidential = true;
        }
        if (mode.equals("GUIDE_TO_LEGAL_CHANNEL")) {
            c.status = "GUIDED";
            c.closedAt = at;
            c.openUntil = at;
            c.record(at, "GUIDED", clerk, target.id(), "依法引导至" + target.name() + "，通过法定途径解决", true);
        } else {
            c.status = "ROUTED";
            c.record(at, mode, clerk, target.id(), routeLabel(mode) + "至" + target.name(), !c.confidential);
        }
        c.saved(at);
        c.stop(StatutoryPeriod.ROUTE, at);
        if (!mode.equals("GUIDE_TO_LEGAL_CHANNEL")) {
            c.start(StatutoryPeriod.ACKNOWLEDGE, at, target.id());
            c.start(StatutoryPeriod.MISROUTE_OBJECTION, at, target.id());
        }
        if (mode.equals("ASSIGN")) {
            if (r.nextBoolean()) {
                c.startWithDueDate(StatutoryPeriod.ASSIGNMENT_FEEDBACK, at,
                        LocalDate.ofInstant(at, ChinaTime.ZONE).plusDays(20 + r.nextInt(40)), target.id());
            } else {
                c.start(StatutoryPeriod.ASSIGNMENT_FEEDBACK, at, target.id());
            }
        }
    }

    private void returnAsMisrouted(CaseHistory c, Unit from, Instant at) {
        c.currentUnitId = c.routedByUnitId;
        c.status = "RETURNED";
        c.record(at, "RETURNED", handler(from), from.id(), "以非本单位职责为由退回：" + texts.returnReason(r), false);
        c.saved(at);
        c.stop(StatutoryPeriod.MISROUTE_OBJECTION, at);
        c.cancel(StatutoryPeriod.ACKNOWLEDGE, at);
        c.cancel(StatutoryPeriod.ASSIGNMENT_FEEDBACK, at);
        c.start(StatutoryPeriod.ROUTE, at, c.currentUnitId);
    }

    /** 拟不予受理, then the unit head's approval (or, if that lies ahead, the proposal pending). */
    private void decline(CaseHistory c, Unit unit, String ground, String proposer, String proposerUsername, Instant at) {
        String label = org.xinfang.petition.DeclineGround.valueOf(ground).label();
        c.pendingKind = "DECLINE";
        c.pendingPayload = ground + "\n";
        c.pendingBy = proposerUsername;
        c.record(at, "DECLINE_PROPOSED", proposer, unit.id(), "拟不予受理：" + label, false);
        c.saved(at);
        Instant approved = office(at, 0.05, 3);
        if (!happened(approved)) {
            return;
        }
        c.pendingKind = null;
        c.pendingPayload = null;
        c.pendingBy = null;
        c.declineGround = ground;
        c.status = "NOT_ACCEPTED";
        c.closedAt = approved;
        c.openUntil = approved;
        c.record(approved, "NOT_ACCEPTED", approver(unit), unit.id(), "不予受理：" + label, true);
        c.saved(approved);
        c.stop(StatutoryPeriod.ROUTE, approved);
        c.stop(StatutoryPeriod.ACKNOWLEDGE, approved);
        c.cancel(StatutoryPeriod.MISROUTE_OBJECTION, approved);
        c.cancel(StatutoryPeriod.ASSIGNMENT_FEEDBACK, approved);
    }

    private void accept(CaseHistory c, Unit unit, boolean simplified, Instant at) {
        c.simplified = simplified;
        c.status = "IN_PROGRESS";
        c.record(at, "ACCEPTED", handler(unit), unit.id(), simplified ? "受理（简易办理）" : "受理", true);
        c.saved(at);
        c.stop(StatutoryPeriod.ACKNOWLEDGE, at);
        c.cancel(StatutoryPeriod.MISROUTE_OBJECTION, at);
        c.start(simplified ? StatutoryPeriod.SIMPLIFIED : StatutoryPeriod.HANDLE, at, unit.id());
    }

    /** 延期, 答复意见 and its approval, 送达, 评价, 复查 and 复核, 结案. */
    private void handle(CaseHistory c, Unit unit, boolean simplified, Instant accepted) {
        StatutoryPeriod period = simplified ? StatutoryPeriod.SIMPLIFIED : StatutoryPeriod.HANDLE;
        Instant t = accepted;
        if (!simplified && r.nextInt(100) < 12) {
            LocalDate due = c.dueDate(StatutoryPeriod.HANDLE);
            Instant proposed = office(accepted, 30, 50);
            Instant approved = office(proposed, 0.05, 3);
            if (due != null && CaseHistory.onTime(approved, due)) {
                if (!happened(proposed)) {
                    return;
                }
                int days = r.nextBoolean() ? 30 : 15 + r.nextInt(16);
                String reason = texts.extensionReason(r);
                c.pendingKind = "EXTENSION";
                c.pendingPayload = days + "\n" + reason;
                c.pendingBy = handlerUsername(unit);
                c.record(proposed, "EXTENSION_PROPOSED", handler(unit), unit.id(), "申请延期" + days + "日：" + reason, false);
                c.saved(proposed);
                if (!happened(approved)) {
                    return;
                }
                c.pendingKind = null;
                c.pendingPayload = null;
                c.pendingBy = null;
                c.extendedDays = days;
                c.status = "EXTENDED";
                c.record(approved, "EXTENDED", approver(unit), unit.id(), "延长办理期限" + days + "日。理由：" + reason, true);
                c.saved(approved);
                c.extend(StatutoryPeriod.HANDLE, days);
                t = approved;
            }
        }
        LocalDate due = c.dueDate(period);
        Instant dueAt = CaseHistory.dueAt(due);
        double room = Math.max(1, Duration.between(t, dueAt).toHours() / 24.0);
        int u = r.nextInt(100);
        Instant drafted = u < 90 ? office(t, Math.min(2, room / 2), room * (u < 60 ? 0.6 : 0.95))
                : office(dueAt, 0.5, 25); // a tenth answer late: the clock is missed
        if (!happened(drafted)) {
            return;
        }
        org.xinfang.petition.PetitionType type = org.xinfang.petition.PetitionType.valueOf(c.type);
        List<org.xinfang.petition.Outcome> lawful = Arrays.stream(org.xinfang.petition.Outcome.values()).filter(type::allows)
                .toList();
        org.xinfang.petition.Outcome outcome = lawful.get(r.nextInt(lawful.size()));
        PetitionTexts.Piece reply = realReply != null ? realReply : texts.reply(r);
        c.pendingKind = "REPLY";
        c.pendingPayload = outcome.name() + "\n" + reply.text();
        c.pendingBy = handlerUsername(unit);
        c.record(drafted, "REPLY_DRAFTED", handler(unit), unit.id(), "起草答复意见（" + outcome.label() + "）", false);
        c.saved(drafted);
        Instant issued = office(drafted, 0.05, 3);
        if (!happened(issued)) {
            return;
        }
        c.pendingKind = null;
        c.pendingPayload = null;
        c.pendingBy = null;
        c.outcome = outcome.name();
        c.replyText = reply.text();
        c.repliedAt = issued;
        c.replyUnitId = unit.id();
        c.status = "ANSWERED";
        c.record(issued, "ANSWERED", approver(unit), unit.id(), "出具答复意见：" + outcome.label(), true);
        c.saved(issued);
        c.stop(period, issued);
        c.stop(StatutoryPeriod.ASSIGNMENT_FEEDBACK, issued);
        c.start(StatutoryPeriod.REVIEW_REQUEST, issued, null);
        c.replyTerms = reply.terms();
        c.indexedAt = issued;

        Instant delivered = office(issued, 0, 4);
        if (!happened(delivered)) {
            return;
        }
        String method = pick("邮寄送达", "直接送达", "网上答复", "短信告知");
        c.deliveredAt = delivered;
        c.deliveryMethod = method;
        c.record(delivered, "DELIVERED", handler(unit), unit.id(), "答复意见已送达（" + method + "）", true);
        c.saved(delivered);

        boolean unhappy = false;
        if (r.nextInt(100) < 55) {
            Instant rated = delivered.plusSeconds(3600 + r.nextInt(20 * 86_400));
            if (happened(rated)) {
                u = r.nextInt(100);
                org.xinfang.petition.Rating rating = u < 70 ? org.xinfang.petition.Rating.SATISFIED
                        : u < 90 ? org.xinfang.petition.Rating.BASICALLY_SATISFIED : org.xinfang.petition.Rating.UNSATISFIED;
                unhappy = rating == org.xinfang.petition.Rating.UNSATISFIED;
                c.rating = rating.name();
                c.ratedAt = rated;
                c.record(rated, "RATED", "信访人", c.replyUnitId, "信访人评价：" + rating.label(), true);
                c.saved(rated);
            }
        }
        StatutoryPeriod window = StatutoryPeriod.REVIEW_REQUEST;
        boolean organAbove = unit.kind() != UnitKind.TERRITORY || unit.parentId() != null;
        if (organAbove && r.nextInt(100) < (unhappy ? 30 : 4)) {
            Unit organ = routing.organAbove(unit);
            Instant requested = issued.plusSeconds(3 * 86_400 + r.nextInt(25 * 86_400));
            if (c.ratedAt != null && requested.isBefore(c.ratedAt)) {
                requested = c.ratedAt.plusSeconds(3600);
            }
            if (CaseHistory.onTime(requested, c.dueDate(window))) {
                if (!happened(requested)) {
                    return;
                }
                reviewRequested(c, 1, organ, requested);
                Instant answered = office(requested, 8, 30);
                if (!happened(answered)) {
                    return;
                }
                org.xinfang.petition.ReviewOutcome result = r.nextInt(100) < 80 ? org.xinfang.petition.ReviewOutcome.UPHELD
                        : org.xinfang.petition.ReviewOutcome.CHANGED;
                c.reviewOutcome = result.name();
                c.reviewText = "经复查，" + (result == org.xinfang.petition.ReviewOutcome.UPHELD ? "原处理意见认定事实清楚，予以维持。"
                        : "原处理意见部分不当，予以变更。");
                c.reviewAnsweredAt = answered;
                c.status = "REVIEWED";
                c.record(answered, "REVIEWED", approver(organ), organ.id(), "复查意见：" + result.label(), true);
                c.saved(answered);
                c.stop(StatutoryPeriod.REVIEW_ANSWER, answered);
                c.start(StatutoryPeriod.RECHECK_REQUEST, answered, null);
                window = StatutoryPeriod.RECHECK_REQUEST;
                if (organ.parentId() != null && r.nextInt(100) < 20) {
                    Unit above = routing.organAbove(organ);
                    Instant again = answered.plusSeconds(2 * 86_400 + r.nextInt(26 * 86_400));
                    if (!happened(again)) {
                        return;
                    }
                    reviewRequested(c, 2, above, again);
                    Instant finalAt = office(again, 8, 30);
                    if (!happened(finalAt)) {
                        return;
                    }
                    c.reviewOutcome = "UPHELD";
                    c.reviewText = "经复核，维持复查意见。本复核意见为终结意见。";
                    c.reviewAnsweredAt = finalAt;
                    c.status = "FINAL";
                    c.closedAt = finalAt;
                    c.openUntil = finalAt;
                    c.record(finalAt, "RECHECKED", approver(above), above.id(), "复核意见：" + org.xinfang.petition.ReviewOutcome.UPHELD.label(),
                            true);
                    c.saved(finalAt);
                    c.stop(StatutoryPeriod.RECHECK_ANSWER, finalAt);
                    return;
                }
            }
        }
        // 结案: the deadline scan finds the window passed unused (a few minutes after the due day ends)
        Instant closed = CaseHistory.dueAt(c.dueDate(window)).plusSeconds(1 + r.nextInt(300));
        if (!happened(closed)) {
            return;
        }
        c.status = "CLOSED";
        c.closedAt = closed;
        c.openUntil = closed;
        c.record(closed, "CLOSED", "系统", c.currentUnitId, "复查（复核）申请期限届满，事项办结", true);
        c.saved(closed);
        c.cancel(window, closed);
    }

    private void reviewRequested(CaseHistory c, int stage, Unit organ, Instant at) {
        c.reviewStage = stage;
        c.reviewUnitId = organ.id();
        c.reviewReason = texts.reviewReason(r);
        c.reviewRequestedAt = at;
        c.reviewOutcome = null;
        c.reviewText = null;
        c.reviewAnsweredAt = null;
        c.access.add(organ.id());
        c.status = stage == 1 ? "REVIEW_REQUESTED" : "RECHECK_REQUESTED";
        c.record(at, stage == 1 ? "REVIEW_REQUESTED" : "RECHECK_REQUESTED", "信访人", organ.id(),
                stage == 1 ? "信访人申请复查" : "信访人申请复核", true);
        c.saved(at);
        StatutoryPeriod window = stage == 1 ? StatutoryPeriod.REVIEW_REQUEST : StatutoryPeriod.RECHECK_REQUEST;
        c.stop(window, at);
        c.start(stage == 1 ? StatutoryPeriod.REVIEW_ANSWER : StatutoryPeriod.RECHECK_ANSWER, at, organ.id());
    }

    private String pickOtherCategory(String category) {
        List<String> all = texts.categories();
        String other = all.get(r.nextInt(all.size()));
        return other.equals(category) ? "其他" : other;
    }

    private String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String label(String channel) {
        return org.xinfang.petition.Channel.valueOf(channel).label();
    }

    private static String routeLabel(String mode) {
        return org.xinfang.routing.RouteMode.valueOf(mode).label();
    }

    // ------------------------------------------------------------------ petitioners

    /** The pool of petitioners, encrypted with the platform's own cipher (in parallel), loaded with COPY. */
    private int writePetitioners(int pool) throws SQLException {
        petitioners = new UUID[pool];
        long[] seeds = new long[pool];
        for (int i = 0; i < pool; i++) {
            petitioners[i] = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            seeds[i] = r.nextLong();
        }
        String created = START.toString();
        int block = 20_000;
        try (CopyStream copy = new CopyStream(ds, "people.petitioner",
                "id, name_enc, id_card_enc, id_card_index, phone_enc, phone_index, address_enc, created_at, updated_at")) {
            for (int from = 0; from < pool; from += block) {
                int to = Math.min(pool, from + block);
                byte[][][] sealed = new byte[to - from][][];
                int base = from;
                IntStream.range(from, to).parallel().forEach(i -> sealed[i - base] = person(seeds[i], i));
                for (int i = from; i < to; i++) {
                    byte[][] s = sealed[i - from];
                    copy.uuid(petitioners[i]).bytes(s[0]).bytes(s[1]).bytes(s[2]).bytes(s[3]).bytes(s[4]).bytes(s[5])
                            .raw(created).raw(created).end();
                }
            }
        }
        return pool;
    }

    /** One person's sealed name, ID card number, phone and address (made up; valid check characters). */
    private byte[][] person(long seed, int i) {
        Random p = new Random(seed);
        String name = SURNAMES[p.nextInt(SURNAMES.length)] + GIVEN[p.nextInt(GIVEN.length)];
        Unit district = districts.get(p.nextInt(districts.size()));
        // unique by construction (the card's blind index is unique): person i has sequence i % 1000, and
        // i / 1000 picks birthplace and birth date through a permutation of 16 × 21,900 combinations
        int k = i / 1000;
        LocalDate birth = LocalDate.of(1945, 1, 1).plusDays((long) (k / BIRTHPLACES.length) * 7919 % (365 * 60));
        // the birthplace on the card: real county codes (the demo city's prefix 99 is no province, so no card has it)
        String first17 = BIRTHPLACES[k % BIRTHPLACES.length] + birth.format(DAY) + String.format("%03d", i % 1000);
        String id = first17 + checkCharacter(first17);
        if (!IdCardNumber.isValid(id)) {
            throw new IllegalStateException("generated an invalid ID card number");
        }
        String phone = "1" + (3 + p.nextInt(7)) + String.format("%09d", (long) (p.nextDouble() * 1e9));
        List<Unit> places = placesOfDistrict.get(district.id());
        String address = city.name() + district.name() + places.get(p.nextInt(places.size())).name()
                + ROADS[p.nextInt(ROADS.length)] + (1 + p.nextInt(300)) + "号";
        return new byte[][] { cipher.encrypt(name, Field.NAME), cipher.encrypt(id, Field.ID_CARD),
                cipher.blindIndex(id, Field.ID_CARD), cipher.encrypt(phone, Field.PHONE), cipher.blindIndex(phone, Field.PHONE),
                cipher.encrypt(address, Field.ADDRESS) };
    }

    private static final String[] BIRTHPLACES = { "110101", "310104", "320102", "330106", "340102", "360102", "370102",
            "410102", "420102", "430102", "440106", "450102", "500103", "510104", "520102", "610102" };

    private static char checkCharacter(String first17) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    // ------------------------------------------------------------------ writing

    static final String PETITION_COLUMNS = "id, number, query_code_enc, channel, type, category, region_code, title, content,"
            + " petitioner_id, headcount, channel_details, status, received_at, registered_at, registered_by, receiving_unit_id,"
            + " current_unit_id, routed_by_unit_id, route_mode, repeat_of, repeat_count, skip_level, first_time, urgent,"
            + " confidential, simplified, public_allowed, extended_days, pending_kind, pending_payload, pending_by,"
            + " decline_ground, outcome, reply_text, replied_at, reply_unit_id, delivered_at, delivery_method, review_stage,"
            + " review_unit_id, review_reason, review_requested_at, review_outcome, review_text, review_answered_at, rating,"
            + " rating_comment, rated_at, closed_at, version, updated_at, next_due_date";

    /** Writes finished petitions to the COPY streams and every k-th number with its code to the sample file. */
    private final class Sink {
        private final CopyStream petitions;
        private final CopyStream timeline;
        private final CopyStream access;
        private final CopyStream clocks;
        private final CopyStream search;
        private final Writer samples;
        private final int every;

        Sink(CopyStream petitions, CopyStream timeline, CopyStream access, CopyStream clocks, CopyStream search, Writer samples,
                int every) {
            this.petitions = petitions;
            this.timeline = timeline;
            this.access = access;
            this.clocks = clocks;
            this.search = search;
            this.samples = samples;
            this.every = every;
        }

        void write(CaseHistory c) throws SQLException, IOException {
            c.written = true;
            petitions.uuid(c.id).text(c.number).bytes(cipher.encrypt(c.queryCode, Field.OTHER)).raw(c.channel).raw(c.type)
                    .text(c.category).raw(c.regionCode).text(c.title).text(c.content).uuid(c.petitionerId).raw(c.headcount)
                    .text(c.channelDetails).raw(c.status).time(c.receivedAt).time(c.registeredAt).text(c.registeredBy)
                    .raw(c.receivingUnitId).raw(c.currentUnitId).raw(c.routedByUnitId).raw(c.routeMode).uuid(c.repeatOf)
                    .raw(c.repeatCount).bool(c.skipLevel).bool(c.firstTime).bool(c.urgent).bool(c.confidential)
                    .bool(c.simplified).bool(c.publicAllowed).raw(c.extendedDays).raw(c.pendingKind).text(c.pendingPayload)
                    .text(c.pendingBy).raw(c.declineGround).raw(c.outcome).text(c.replyText).time(c.repliedAt)
                    .raw(c.replyUnitId).time(c.deliveredAt).text(c.deliveryMethod).raw(c.reviewStage).raw(c.reviewUnitId)
                    .text(c.reviewReason).time(c.reviewRequestedAt).raw(c.reviewOutcome).text(c.reviewText)
                    .time(c.reviewAnsweredAt).raw(c.rating).text(c.ratingComment).time(c.ratedAt).time(c.closedAt)
                    .raw(c.version).time(c.updatedAt).date(c.nextDueDate()).end();
            List<CaseHistory.Entry> entries = new ArrayList<>(c.timeline);
            entries.sort(Comparator.comparing(CaseHistory.Entry::at)); // stable: same-moment entries keep their order
            for (CaseHistory.Entry e : entries) {
                timeline.uuid(c.id).time(e.at()).raw(e.event()).text(e.actor()).raw(e.unitId()).text(e.note()).bool(e.isPublic())
                        .end();
            }
            for (Long unit : c.access) {
                access.uuid(c.id).raw(unit).end();
            }
            for (CaseHistory.Clock k : c.clocks) {
                boolean running = k.state.equals("RUNNING");
                LocalDate until = running ? today : LocalDate.ofInstant(k.closedAt, ChinaTime.ZONE);
                boolean approaching = !until.isBefore(k.dueDate.minusDays(3));
                boolean missed = running ? k.dueDate.isBefore(today) : k.missedRaised;
                clocks.uuid(c.id).text(c.number).raw(k.period.name()).raw(k.unitId).time(k.startedAt).raw(k.days)
                        .raw(k.dayCount.name()).date(k.dueDate).raw(k.state).time(k.closedAt).bool(approaching).bool(missed)
                        .time(k.startedAt).end();
            }
            Set<String> terms = c.terms;
            if (c.replyTerms != null) {
                terms = new TreeSet<>(c.terms);
                terms.addAll(c.replyTerms);
            }
            search.uuid(c.id).text(c.number).text(c.title).text(c.content).text(c.replyText).text(c.category).raw(c.regionCode)
                    .time(c.receivedAt).text(tsvector(terms)).time(c.indexedAt).end();
            if (c.seq % every == 0) {
                samples.write(c.number + "\t" + c.queryCode + "\t" + c.status + "\t" + c.confidential + "\t"
                        + byId.get(c.currentUnitId).code() + "\n");
            }
        }
    }

    /** The tsvector literal of a set of lexemes without positions (what array_to_tsvector gives). */
    static String tsvector(Set<String> terms) {
        StringBuilder sb = new StringBuilder();
        for (String t : terms) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append('\'').append(t.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return sb.toString();
    }

    /**
     * Makes sure the literal written by COPY is the value the search module's SQL makes from the same
     * words (weights and all), so the generated index is the real one.
     */
    private void checkTermsLiteral() {
        PetitionTexts.Piece t = texts.title(texts.categories().get(0), new Random(1));
        String[] words = t.terms().toArray(String[]::new);
        Boolean same = jdbc.sql("SELECT (setweight(array_to_tsvector(?::text[]), 'A') || setweight(array_to_tsvector(?::text[]), 'B')"
                + " || setweight(array_to_tsvector(?::text[]), 'C')) = ?::tsvector")
                .params(words, new String[0], new String[0], tsvector(new TreeSet<>(t.terms()))).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(same)) {
            throw new IllegalStateException("the tsvector literal differs from what the search module writes");
        }
    }

    // ------------------------------------------------------------------ indexes

    /** Drops the secondary indexes and foreign keys of the loaded tables; returns how to create them again. */
    private Map<String, String> dropIndexes() {
        Map<String, String> restore = new LinkedHashMap<>();
        for (String table : TABLES) {
            String[] st = table.split("\\.");
            jdbc.sql("""
                    SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
                    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = ? AND t.relname = ? AND c.contype = 'f'""").params(st[0], st[1])
                    .query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list().forEach(fk -> {
                        restore.put("fk " + table + "." + fk[0], "ALTER TABLE " + table + " ADD CONSTRAINT " + fk[0] + " " + fk[1]);
                        jdbc.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + fk[0]).update();
                    });
        }
        for (String table : TABLES) {
            String[] st = table.split("\\.");
            jdbc.sql("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                    WHERE i.schemaname = ? AND i.tablename = ?
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname
                                      AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = i.schemaname))""")
                    .params(st[0], st[1]).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list()
                    .forEach(ix -> {
                        restore.put("ix " + st[0] + "." + ix[0], ix[1]);
                        jdbc.sql("DROP INDEX " + st[0] + "." + ix[0]).update();
                    });
        }
        return restore;
    }

    private void restoreIndexes(Map<String, String> restore) throws SQLException {
        // one connection, so the larger maintenance memory applies to every build
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            // indexes first (the foreign keys' checks then use them)
            for (String kind : List.of("ix ", "fk ")) {
                for (Map.Entry<String, String> e : restore.entrySet()) {
                    if (e.getKey().startsWith(kind)) {
                        long t = System.nanoTime();
                        s.execute(e.getValue());
                        System.out.printf(Locale.ROOT, "  %-60s %6.1f s%n", e.getKey().substring(3), (System.nanoTime() - t) / 1e9);
                    }
                }
            }
        }
    }
}
