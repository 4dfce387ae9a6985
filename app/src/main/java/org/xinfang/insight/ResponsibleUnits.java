package org.xinfang.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.UnitLevel;
import org.xinfang.organization.Units;
import org.xinfang.routing.RouteMode;
import org.xinfang.routing.RoutingCase;
import org.xinfang.routing.RoutingPolicies;
import org.xinfang.search.ChineseSegmenter;
import org.xinfang.search.TextSegmentation;
import org.xinfang.shared.RuleViolationException;

/**
 * 智能分办: the unit that should handle a petition under 属地管理、分级负责，谁主管、谁负责 — the place
 * where the problem arose (the most specific territory the text names inside the registered region,
 * else the registered region) and the line of work of its category (城乡建设 → 住房和城乡建设, …) give
 * the functional department serving that territory, looked up from the territory upwards (a township
 * has no 住建局; its district's does the work). 检举控告 go to the 纪检监察 organ. The suggestion is
 * checked against the routing rules and always says why.
 */
@Service
public class ResponsibleUnits {

    /** Category (first or second level, as the category tree names it) → department function. */
    static final Map<String, String> FUNCTION_OF_CATEGORY = Map.ofEntries(
            Map.entry("城乡建设", "HOUSING"), Map.entry("房地产管理", "HOUSING"), Map.entry("物业管理", "HOUSING"),
            Map.entry("城市管理", "HOUSING"), Map.entry("征地拆迁", "NATURAL_RESOURCES"),
            Map.entry("劳动和社会保障", "HUMAN_RESOURCES"), Map.entry("拖欠工资", "HUMAN_RESOURCES"),
            Map.entry("社会保险", "HUMAN_RESOURCES"), Map.entry("劳动关系", "HUMAN_RESOURCES"),
            Map.entry("教育文体", "EDUCATION"), Map.entry("入学与学位", "EDUCATION"), Map.entry("教师待遇", "EDUCATION"),
            Map.entry("商贸旅游", "COMMERCE"), Map.entry("消费维权", "COMMERCE"),
            Map.entry("环境保护", "ENVIRONMENT"), Map.entry("污染防治", "ENVIRONMENT"), Map.entry("噪声扰民", "ENVIRONMENT"),
            Map.entry("卫生计生", "HEALTH"), Map.entry("医疗纠纷", "HEALTH"),
            Map.entry("交通运输", "TRANSPORT"), Map.entry("公共交通", "TRANSPORT"),
            Map.entry("国土资源", "NATURAL_RESOURCES"), Map.entry("政法", "JUSTICE"));

    static final Map<String, String> LINE_OF_WORK = Map.of("HOUSING", "住房和城乡建设", "HUMAN_RESOURCES",
            "人力资源和社会保障", "EDUCATION", "教育", "COMMERCE", "商务", "ENVIRONMENT", "生态环境", "HEALTH", "卫生健康",
            "TRANSPORT", "交通运输", "NATURAL_RESOURCES", "自然资源", "JUSTICE", "司法行政");

    /**
     * The suggested unit.
     *
     * @param place      the territory where the problem arose, as found
     * @param placeFrom  {@code TEXT} when the text named it, {@code REGION} when it is the registered region
     * @param category   the category used (given, or suggested by the classifier)
     * @param reason     why, in words for the clerk
     */
    public record UnitSuggestion(Long unitId, String unitCode, String unitName, String place, String placeRegionCode,
            String placeFrom, String category, String reason) {
    }

    private final Units units;
    private final RoutingPolicies routing;
    private final TextSegmentation segmentation;

    ResponsibleUnits(Units units, RoutingPolicies routing, TextSegmentation segmentation) {
        this.units = units;
        this.routing = routing;
        this.segmentation = segmentation;
    }

    /**
     * The responsible unit for a petition.
     *
     * @param accusation    检举控告 (to the 纪检监察 organ)
     * @param currentUnitId the unit holding the petition now (it does not route to itself); null at intake
     */
    public UnitSuggestion suggest(String title, String content, String category, String regionCode, boolean accusation,
            Long currentUnitId) {
        Optional<Unit> registered = regionCode == null ? Optional.empty() : units.territory(regionCode);
        Unit mentioned = mentionedPlace(title + "。" + content, registered.orElse(null));
        Unit place = mentioned != null ? mentioned : registered.orElse(null);
        String placeFrom = mentioned != null ? "TEXT" : "REGION";
        if (place == null) {
            return new UnitSuggestion(null, null, null, null, null, null, category,
                    "问题发生地不在本平台管辖范围内，请登记员根据实际情况确定办理单位。");
        }
        StringBuilder reason = new StringBuilder("问题发生地：").append(fullName(place))
                .append(mentioned != null ? "（正文提及）" : "（登记的问题发生地）").append("；");
        Unit target;
        if (accusation) {
            target = serving(place, UnitKind.DISCIPLINE, null);
            reason.append("检举控告类事项依法转同级纪检监察机关，严格保密。");
        } else {
            String function = category == null ? null : FUNCTION_OF_CATEGORY.get(category);
            target = function == null ? null : serving(place, UnitKind.DEPARTMENT, function);
            if (target != null) {
                reason.append("内容分类“").append(category).append("”属").append(LINE_OF_WORK.get(function))
                        .append("部门主管；按属地管理、分级负责，谁主管、谁负责，由").append(target.name()).append("办理。");
            } else {
                target = townshipOrAbove(place);
                reason.append(category == null ? "未确定内容分类" : "内容分类“" + category + "”在当地无对应主管部门")
                        .append("；按属地管理，由").append(target.name()).append("人民政府（办事处）办理。");
            }
        }
        if (target == null) {
            return new UnitSuggestion(null, null, null, place.name(), place.regionCode(), placeFrom, category,
                    reason.append("但未找到对应单位，请登记员确定。").toString());
        }
        if (currentUnitId != null) {
            try {
                routing.check(new RoutingCase(accusation, regionCode, currentUnitId,
                        accusation ? RouteMode.TO_DISCIPLINE : RouteMode.FORWARD, target));
            } catch (RuleViolationException e) {
                reason.append("（注意：按现行转送规则不能直接转至该单位，请登记员核实。）");
            }
        }
        return new UnitSuggestion(target.id(), target.code(), target.name(), place.name(), place.regionCode(), placeFrom,
                category, reason.toString());
    }

    /** The unit of this kind and function serving the place, or the nearest territory above that has one. */
    private Unit serving(Unit place, UnitKind kind, String function) {
        for (Unit t : units.ancestry(place)) {
            if (!t.isTerritory()) {
                continue;
            }
            Optional<Unit> u = units.unitServing(t, kind, function);
            if (u.isPresent()) {
                return u.get();
            }
        }
        return null;
    }

    /** Communities are served by their township's government; anything else by itself. */
    private Unit townshipOrAbove(Unit place) {
        if (place.level() == UnitLevel.COMMUNITY && place.parentId() != null) {
            return units.find(place.parentId()).orElse(place);
        }
        return place;
    }

    private String fullName(Unit place) {
        List<Unit> chain = new ArrayList<>(units.ancestry(place));
        chain.removeIf(u -> !u.isTerritory() || u.level().ordinal() < UnitLevel.DISTRICT.ordinal());
        StringBuilder sb = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            sb.append(chain.get(i).name());
        }
        return sb.toString();
    }

    /**
     * The most specific territory named in the text, read with the place-aware segmenter so that 东湖区
     * is not also read as 东湖街道: a full name names that territory; a name without its suffix (东湖)
     * the shallowest territory of that name. A place inside the registered region wins; one outside it
     * is ignored (the clerk chose the region).
     */
    Unit mentionedPlace(String text, Unit registered) {
        List<Unit> territories = units.territories();
        Map<String, List<Unit>> full = new HashMap<>();
        Map<String, List<Unit>> shortForms = new HashMap<>();
        for (Unit t : territories) {
            String name = ChineseSegmenter.normalize(t.name());
            full.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
            String s = ChineseSegmenter.shortForm(name);
            if (s != null) {
                shortForms.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
            }
        }
        List<Unit> hits = new ArrayList<>();
        for (String word : segmentation.segmenter().words(text)) {
            if (full.containsKey(word)) {
                hits.addAll(full.get(word));
            } else if (shortForms.containsKey(word)) {
                shortForms.get(word).stream().min(Comparator.comparingInt((Unit t) -> t.level().ordinal()))
                        .ifPresent(hits::add);
            }
        }
        return hits.stream()
                .filter(t -> registered == null || registered.contains(t) && t.level().ordinal() > registered.level().ordinal())
                .max(Comparator.comparingInt((Unit t) -> t.level().ordinal()))
                .orElse(null);
    }
}
