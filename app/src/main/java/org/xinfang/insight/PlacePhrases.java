package org.xinfang.insight;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.xinfang.search.ChineseSegmenter;

/**
 * Finds the places and groups a petition is about, for hotspots: a named place is a run of up to seven
 * words (twelve characters) ending in a place noun (保利西海岸 + 小区, 城关 + 中学, 芙蓉 + 路), not starting with a function
 * word; a group is one of the collective nouns petitions use (业主, 农民工, 教师 …).
 */
final class PlacePhrases {

    private static final List<String> PLACE_NOUNS = List.of("小区", "社区", "花园", "大厦", "广场", "公寓", "家园", "新城",
            "新村", "村", "学校", "中学", "小学", "幼儿园", "大学", "学院", "医院", "卫生院", "市场", "公司", "工地", "车站",
            "街道", "路", "大道", "街", "巷", "桥", "项目", "楼盘", "苑", "园", "城", "湾", "府", "镇", "乡", "厂", "矿",
            "景区", "公园", "水库", "河", "湖");

    private static final Set<String> GROUPS = Set.of("业主", "村民", "居民", "职工", "员工", "工人", "农民工", "教师", "老师",
            "学生", "家长", "退休人员", "退休职工", "司机", "出租车司机", "商户", "租户", "考生", "患者", "老人", "残疾人",
            "退役军人", "拆迁户", "失地农民", "投资人", "购房者", "学员");

    /** Words that end a place name going backwards: verbs, pronouns, particles, generic nouns. */
    private static final Set<String> STOP = Set.of("的", "在", "是", "我", "我们", "你", "他", "她", "了", "和", "与", "及",
            "对", "向", "从", "为", "于", "位于", "地处", "就", "到", "把", "被", "给", "该", "这", "那", "此", "有", "个", "里",
            "一", "关于", "反映", "投诉", "咨询", "请求", "建议", "要求", "希望", "市民", "本人", "家住", "住", "居住", "所在",
            "附近", "旁边", "门口", "对面", "内", "外", "上", "下", "中", "前", "后", "请", "问", "问题", "情况", "多", "年",
            "月", "日", "号", "个人", "领导", "政府", "部门", "相关", "有关", "严重", "能否", "何时", "什么", "为什么",
            "怎么", "如何", "没有", "不", "还", "都", "也", "很", "非常", "已经", "一直", "至今", "目前", "现在");

    private static final Pattern CODED = Pattern.compile("[a-z][0-9]{0,3}(市|区|县|镇|乡|村|街道|社区)");
    /** Organs of government are whom petitions address, not where problems are. */
    private static final Pattern OFFICES = Pattern.compile("(政府|市委|党委|办公室|委员会|局|厅)$");
    private static final Pattern NAMEISH = Pattern.compile("[\\p{IsHan}a-z0-9]+");

    private final ChineseSegmenter segmenter;

    PlacePhrases(ChineseSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** Named places in the text, most specific first (longest), and any groups, in order of appearance. */
    Found find(String title, String content) {
        List<String> words = segmenter.words((title == null ? "" : title) + "。" + (content == null ? "" : content));
        Set<String> places = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (GROUPS.contains(w)) {
                groups.add(w);
            }
            String noun = placeNoun(w);
            if (noun == null) {
                continue;
            }
            StringBuilder phrase = new StringBuilder(w);
            int j = i;
            while (j > 0 && i - j < 6 && phrase.length() + words.get(j - 1).length() <= 12) {
                String before = words.get(j - 1);
                if (STOP.contains(before) || !NAMEISH.matcher(before).matches() || CODED.matcher(before).matches()
                        || placeNoun(before) != null && before.length() > 1) {
                    break;
                }
                phrase.insert(0, before);
                j--;
            }
            String p = phrase.toString();
            // a bare noun (小区, 学校) or a one-character name (东路) says too little to tell places apart
            if (p.length() >= noun.length() + 2 && !CODED.matcher(p).matches() && !OFFICES.matcher(p).find()) {
                places.add(p);
            }
        }
        return new Found(List.copyOf(places), List.copyOf(groups));
    }

    private static String placeNoun(String word) {
        for (String noun : PLACE_NOUNS) {
            if (word.endsWith(noun)) {
                return noun;
            }
        }
        return null;
    }

    record Found(List<String> places, List<String> groups) {
    }
}
