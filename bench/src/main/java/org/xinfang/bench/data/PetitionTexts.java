package org.xinfang.bench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.xinfang.insight.PetitionClassifier;
import org.xinfang.search.ChineseSegmenter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words of generated petitions: titles and sentences made from templates per category (filled with
 * the demo city's place names, estates, firms and amounts), and — when the shared data folder is beside
 * the repository ({@code ../shared/data}, or {@code -Dxinfang.data}) — the real citizen messages there
 * with their real official replies. Nothing from those files is copied into the repository; they are
 * read at generation time.
 * <p>
 * Every text piece is segmented once, with the platform's own {@link ChineseSegmenter}, and its index
 * terms are kept beside it. A generated content is a sequence of whole sentences, each ending in
 * punctuation, and segmentation never crosses punctuation, so the terms of a content are exactly the
 * union of its sentences' terms: the search index is what the search module would write, without
 * segmenting a million texts.
 */
final class PetitionTexts {

    /** A piece of text and its index terms. */
    record Piece(String text, Set<String> terms) {
    }

    /** A real message: its title, text, category name and (if published) the official reply. */
    record RealMessage(Piece title, Piece content, String category, Piece reply) {
    }

    private final ChineseSegmenter segmenter;
    private final Map<String, List<Piece>> titlesByCategory = new HashMap<>();
    private final Map<String, List<Piece>> problemsByCategory = new HashMap<>();
    private final List<Piece> openings = new ArrayList<>();
    private final List<Piece> histories = new ArrayList<>();
    private final List<Piece> requests = new ArrayList<>();
    private final List<Piece> replies = new ArrayList<>();
    private final List<Piece> extensionReasons = new ArrayList<>();
    private final List<Piece> returnReasons = new ArrayList<>();
    private final List<Piece> reviewReasons = new ArrayList<>();
    private final List<RealMessage> real = new ArrayList<>();
    private final List<String> categories;

    PetitionTexts(ChineseSegmenter segmenter, List<String> places, List<String> categoryNames, Random r) {
        this.segmenter = segmenter;
        this.categories = List.copyOf(categoryNames);
        build(places, r);
    }

    /** The category names with templates (the ones {@link #title} and {@link #content} accept). */
    List<String> categories() {
        return categories;
    }

    int realMessages() {
        return real.size();
    }

    RealMessage real(Random r) {
        return real.get(r.nextInt(real.size()));
    }

    Piece title(String category, Random r) {
        List<Piece> list = titlesByCategory.get(category);
        return list.get(r.nextInt(list.size()));
    }

    /** 2–6 sentences: who writes, the problem, what was tried, what is asked. */
    List<Piece> content(String category, Random r) {
        List<Piece> out = new ArrayList<>(6);
        if (r.nextInt(3) > 0) {
            out.add(openings.get(r.nextInt(openings.size())));
        }
        List<Piece> problems = problemsByCategory.get(category);
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(problems.get(r.nextInt(problems.size())));
        }
        if (r.nextBoolean()) {
            out.add(histories.get(r.nextInt(histories.size())));
        }
        out.add(requests.get(r.nextInt(requests.size())));
        return out;
    }

    Piece reply(Random r) {
        return replies.get(r.nextInt(replies.size()));
    }

    String extensionReason(Random r) {
        return extensionReasons.get(r.nextInt(extensionReasons.size())).text();
    }

    String returnReason(Random r) {
        return returnReasons.get(r.nextInt(returnReasons.size())).text();
    }

    String reviewReason(Random r) {
        return reviewReasons.get(r.nextInt(reviewReasons.size())).text();
    }

    Piece piece(String text) {
        return new Piece(text, terms(text));
    }

    Set<String> terms(String text) {
        Set<String> kept = new LinkedHashSet<>();
        for (String t : segmenter.indexTerms(text)) {
            if (t.length() <= 100) { // as the search module keeps them
                kept.add(t);
            }
        }
        return kept;
    }

    // ------------------------------------------------------------------ real messages

    /**
     * Reads the real messages of the shared data folder, if it is there; a message without a label gets
     * the category the shipped classifier gives it. Returns how many were read.
     */
    int readRealMessages(Path folder, PetitionClassifier classifier) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        JsonMapper json = JsonMapper.builder().build();
        Set<String> seen = new HashSet<>();
        for (String file : List.of("messages_with_replies.jsonl", "messages_labelled_raw.jsonl", "messages_unlabelled.jsonl",
                "messages_with_votes.jsonl")) {
            Path p = folder.resolve(file);
            if (!Files.isReadable(p)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    String title = field(n, "title");
                    String detail = field(n, "detail");
                    if (title.isEmpty() || detail.length() < 20 || title.length() > 200 || detail.length() > 5000
                            || !seen.add(title + detail)) {
                        continue;
                    }
                    String label = field(n, "label");
                    String category = categories.contains(label) ? label : classifier.categoryOf(title, detail);
                    if (category == null || !categories.contains(category)) {
                        category = "其他";
                    }
                    String reply = field(n, "reply");
                    real.add(new RealMessage(piece(title), piece(detail), category, reply.length() < 10 ? null : piece(reply)));
                }
            }
        }
        return real.size();
    }

    private static String field(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).asString().strip() : "";
    }

    // ------------------------------------------------------------------ templates

    private static final String[] ESTATES = { "锦绣花园", "阳光家园", "翠湖苑", "金色港湾", "滨江一号", "幸福里小区", "龙湖春天",
            "书香名邸", "和平新村", "国际公寓", "枫林雅居", "新城嘉园", "梧桐苑", "东方明珠小区", "安居小区", "望江华府" };
    private static final String[] FIRMS = { "宏达建筑工程有限公司", "顺安物业服务有限公司", "鑫源房地产开发有限公司", "华兴劳务有限公司",
            "恒通运输有限公司", "绿源环保科技有限公司", "鸿运餐饮管理有限公司", "金盾保安服务有限公司", "百佳商贸有限公司",
            "天成置业有限公司", "瑞丰化工有限公司", "新世纪教育培训学校" };
    private static final String[] ROADS = { "人民路", "解放路", "建设大道", "滨江路", "中山路", "文化路", "工业大道", "湖光路",
            "新华街", "长青路", "迎宾大道", "学府路" };

    private static final Map<String, String[]> TITLES = new HashMap<>();
    private static final Map<String, String[]> PROBLEMS = new HashMap<>();

    static {
        TITLES.put("城乡建设", new String[] { "{estate}小区道路年久失修，雨天积水严重", "{road}施工围挡长期占道，影响出行",
                "{estate}安置房交付延期，请求尽快交房", "{place}老旧小区改造进度缓慢", "{estate}小区违章搭建影响采光通风" });
        TITLES.put("物业管理", new String[] { "{estate}小区电梯长期停运，物业拒不维修", "{estate}物业乱收停车费",
                "{estate}物业服务差，垃圾无人清运", "{estate}维修基金使用不公开", "{estate}小区消防通道被占用，物业不作为" });
        TITLES.put("征地拆迁", new String[] { "{place}征地补偿标准过低，请求重新核定", "{place}拆迁安置款迟迟未发放",
                "{place}强拆房屋未出具任何手续", "{place}集体土地征收程序不公开" });
        TITLES.put("劳动和社会保障", new String[] { "{firm}拖欠员工工资及社保", "{firm}未签订劳动合同，请求依法处理",
                "{place}退休人员养老金待遇核定有误", "{firm}违法解除劳动合同" });
        TITLES.put("拖欠工资", new String[] { "{firm}拖欠农民工工资{months}个月未支付", "{estate}项目工地拖欠工资，讨薪无门",
                "{firm}以各种理由克扣工资", "{firm}拖欠工程款导致工人工资无着落" });
        TITLES.put("社会保险", new String[] { "社保关系转移接续办理困难", "{firm}未依法缴纳社会保险", "医保报销比例与政策不符",
                "失业保险金申领被拒" });
        TITLES.put("教育文体", new String[] { "{place}学校周边交通拥堵存在安全隐患", "{firm}预收学费后停业", "{place}学校食堂卫生问题",
                "{place}公共体育场地长期被占用" });
        TITLES.put("入学与学位", new String[] { "{estate}业主子女入学学位分配不公", "{place}小学划片招生不合理", "随迁子女入学材料要求过多",
                "{place}幼儿园学位紧张，请求增设学位" });
        TITLES.put("商贸旅游", new String[] { "{firm}预付卡商家跑路", "{road}夜市占道经营扰民", "{place}景区强制消费",
                "{firm}虚假宣传诱导消费" });
        TITLES.put("环境保护", new String[] { "{firm}排放污水污染河道", "{place}垃圾中转站臭气扰民", "{firm}夜间偷排废气",
                "{place}河道黑臭水体治理不到位" });
        TITLES.put("噪声扰民", new String[] { "{road}工地夜间施工噪声扰民", "{estate}楼下餐馆油烟噪声扰民", "{road}广场舞音响噪声过大",
                "{firm}设备噪声影响周边居民休息" });
        TITLES.put("卫生计生", new String[] { "{place}卫生院服务态度差", "医疗费用报销被拒", "{place}医院收费不透明", "{place}诊所无证行医" });
        TITLES.put("医疗纠纷", new String[] { "{place}医院手术后出现严重并发症，请求调查", "{place}医院误诊延误治疗", "医疗事故鉴定迟迟未出结果" });
        TITLES.put("交通运输", new String[] { "{road}路口红绿灯设置不合理", "出租车拒载绕路", "{place}公交线路调整后出行不便",
                "{road}货车超载超限严重" });
        TITLES.put("农村农业", new String[] { "{place}农村宅基地确权纠纷", "{place}土地流转租金未按时支付", "{place}村务财务不公开",
                "{place}灌溉水渠损毁影响春耕" });
        TITLES.put("其他", new String[] { "对{place}有关部门工作作风的意见", "关于{road}设置便民设施的建议", "{place}政务服务办理时间过长",
                "建议{place}增设公共厕所" });
        PROBLEMS.put("城乡建设", new String[] { "{estate}位于{road}，小区内道路破损多年，每逢下雨积水没过脚踝。",
                "{road}的市政施工已持续{months}个月，围挡占用大半车道，早晚高峰严重拥堵。",
                "我们购买的{estate}安置房原定去年交付，至今仍未交房，开发商{firm}一再拖延。",
                "小区内有业主违规搭建阳光房，严重影响楼下住户采光，城管部门多次到场未处理。" });
        PROBLEMS.put("物业管理", new String[] { "{estate}的电梯已停运{months}个月，楼内多为老人，上下楼十分困难。",
                "{firm}未经业主大会同意擅自上调物业费和停车费，每月多收{amount}元。",
                "小区垃圾堆放数日无人清运，蚊蝇滋生，业主多次向物业反映无果。",
                "小区维修基金的使用情况从未公示，业主申请查询被物业拒绝。" });
        PROBLEMS.put("征地拆迁", new String[] { "{place}的集体土地被征收，补偿标准仅为每亩{amount}元，明显低于周边地区。",
                "我家房屋于{months}个月前被拆除，安置款至今未到位，一家人只能租房居住。",
                "拆迁过程中未出示任何批准文件，也未进行评估，我们对补偿方案不认可。" });
        PROBLEMS.put("劳动和社会保障", new String[] { "本人在{firm}工作三年，公司从未缴纳社会保险。",
                "公司以经营困难为由单方面解除劳动合同，未支付任何经济补偿。",
                "本人退休后养老金核定比同等条件人员低{amount}元，社保部门未作解释。" });
        PROBLEMS.put("拖欠工资", new String[] { "我们一行{count}人在{firm}承建的{estate}项目务工，已被拖欠工资{months}个月，共计{amount}元。",
                "包工头称工程款未结清，一直不发工资，现已无法联系。", "临近春节，工人们急需拿到工资回家过年。" });
        PROBLEMS.put("社会保险", new String[] { "本人从外地调入，社保关系转移手续办理了{months}个月仍未完成。",
                "住院费用按政策应报销百分之七十，实际只报销了不到一半。", "本人符合失业保险金领取条件，申请时却被告知材料不全。" });
        PROBLEMS.put("教育文体", new String[] { "学校门口上下学时段车辆乱停乱放，学生过马路存在很大安全隐患。",
                "{firm}预收了学员一年学费共{amount}元，现已停业，负责人失联。", "学校食堂饭菜质量差，多名学生出现腹泻。" });
        PROBLEMS.put("入学与学位", new String[] { "我们是{estate}的业主，按规定应划入对口小学，今年却被调剂到{count}公里外的学校。",
                "随迁子女入学要求提供的证明材料过多，很多家长无法办齐。", "片区内适龄儿童逐年增多，幼儿园学位严重不足。" });
        PROBLEMS.put("商贸旅游", new String[] { "{firm}在办理会员卡时承诺长期服务，收款{amount}元后突然关门。",
                "{road}夜市摊贩占道经营至凌晨，油烟和噪声严重影响附近居民生活。", "景区内商户强制游客消费，不消费便恶语相向。" });
        PROBLEMS.put("环境保护", new String[] { "{firm}长期向河道排放污水，河水发黑发臭，鱼虾大量死亡。",
                "垃圾中转站离居民楼不足五十米，夏季臭气熏天，居民不敢开窗。", "每天夜间十点后，附近工厂烟囱排放刺鼻气体。" });
        PROBLEMS.put("噪声扰民", new String[] { "{road}工地每天施工至凌晨两点，噪声严重影响周边居民休息。",
                "楼下餐馆的排风设备噪声很大，油烟直排进入住户家中。", "广场舞音响音量过大，持续到晚上十点以后。" });
        PROBLEMS.put("卫生计生", new String[] { "卫生院工作人员服务态度恶劣，对患者的询问不予理睬。",
                "医院收费清单中多项费用未实际发生，患者要求解释被拒。", "{road}一家诊所无医疗机构执业许可证却长期行医。" });
        PROBLEMS.put("医疗纠纷", new String[] { "家属在医院接受手术后出现严重并发症，医院拒绝提供完整病历。",
                "患者因误诊延误治疗{months}个月，病情明显加重。", "医疗事故鉴定申请已提交{months}个月，至今没有结果。" });
        PROBLEMS.put("交通运输", new String[] { "{road}路口左转信号灯时间过短，经常发生剐蹭事故。",
                "公交线路调整后，{estate}周边没有公交站点，居民出行十分不便。", "大型货车超载超限，{road}路面被压坏多处。" });
        PROBLEMS.put("农村农业", new String[] { "我家宅基地与邻居存在争议，村里和镇里多次调解未果。",
                "土地流转合同约定每年支付租金{amount}元，承包方已拖欠两年。", "村务和财务多年未公开，村民对集体资金去向有疑问。" });
        PROBLEMS.put("其他", new String[] { "到政务服务中心办理业务，排队{count}个小时仍未办成。",
                "建议在{road}沿线增设公共厕所和休息座椅，方便市民。", "有关工作人员推诿扯皮，让群众来回跑了多次。" });
    }

    private static final String[] OPENINGS = { "本人是{place}居民。", "我们是{estate}的业主。", "我是{place}{estate}的住户，现反映如下问题。",
            "尊敬的领导：您好！", "本人系{place}村民，现将有关情况反映如下。", "我们是{firm}的员工。" };
    private static final String[] HISTORIES = { "此前已多次向{place}有关部门反映，至今未得到解决。", "曾拨打12345热线反映，答复称已转交相关单位，但一直没有下文。",
            "我们于今年{month}月向社区反映过，社区表示无权处理。", "问题已存在{months}个月，群众意见很大。" };
    private static final String[] REQUESTS = { "恳请有关部门依法调查处理，并给予书面答复。", "请求政府督促相关单位尽快解决。",
            "希望有关部门高度重视，切实维护群众合法权益。", "请求依法核查，给我们一个说法。", "盼望早日解决，谢谢！" };
    private static final String[] REPLIES = { "经调查核实，您反映的问题属实。我单位已责令相关责任单位限期整改，并将跟踪督办整改落实情况。",
            "经核查，您反映的情况部分属实。相关单位已作出说明，我们已要求其进一步规范管理，如有异议可在规定期限内申请复查。",
            "经调查，您反映的问题不属实。有关情况已向您当面解释说明，感谢您对我们工作的关注和监督。",
            "您的建议具有一定参考价值，我单位将在下一步工作中研究采纳。", "经协调，相关企业已于近日足额支付所欠工资，请您注意查收。",
            "经现场勘查，已安排维修人员进行修复，预计两周内完成。" };
    private static final String[] EXTENSION_REASONS = { "情况复杂，需要多部门联合核查", "需要委托第三方机构进行鉴定",
            "涉及历史遗留问题，需调阅档案核实", "需要召开听证会听取各方意见" };
    private static final String[] RETURN_REASONS = { "该事项属于区人力资源和社会保障局职责", "该事项属于属地街道办事处职责",
            "该事项属于自然资源部门职责", "反映问题发生地不在本单位管辖范围" };
    private static final String[] REVIEW_REASONS = { "对处理意见不满意，问题没有得到实际解决", "答复意见与事实不符",
            "相关单位未按承诺整改", "补偿标准仍然过低" };

    private void build(List<String> places, Random r) {
        for (String category : categories) {
            String[] titles = TITLES.getOrDefault(category, TITLES.get("其他"));
            String[] problems = PROBLEMS.getOrDefault(category, PROBLEMS.get("其他"));
            List<Piece> t = new ArrayList<>();
            List<Piece> p = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                String s = fill(titles[r.nextInt(titles.length)], places, r);
                if (seen.add(s)) {
                    t.add(piece(s));
                }
                String q = fill(problems[r.nextInt(problems.length)], places, r);
                if (seen.add(q)) {
                    p.add(piece(q));
                }
            }
            titlesByCategory.put(category, t);
            problemsByCategory.put(category, p);
        }
        fillInto(openings, OPENINGS, 300, places, r);
        fillInto(histories, HISTORIES, 200, places, r);
        fillInto(requests, REQUESTS, 5, places, r);
        fillInto(replies, REPLIES, 6, places, r);
        fillInto(extensionReasons, EXTENSION_REASONS, 4, places, r);
        fillInto(returnReasons, RETURN_REASONS, 4, places, r);
        fillInto(reviewReasons, REVIEW_REASONS, 4, places, r);
    }

    private void fillInto(List<Piece> out, String[] templates, int n, List<String> places, Random r) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n * 3 && out.size() < n; i++) {
            String s = fill(templates[i % templates.length], places, r);
            if (seen.add(s)) {
                out.add(piece(s));
            }
        }
    }

    private static String fill(String template, List<String> places, Random r) {
        return template.replace("{place}", places.get(r.nextInt(places.size())))
                .replace("{estate}", ESTATES[r.nextInt(ESTATES.length)])
                .replace("{firm}", FIRMS[r.nextInt(FIRMS.length)])
                .replace("{road}", ROADS[r.nextInt(ROADS.length)])
                .replace("{months}", String.valueOf(2 + r.nextInt(22)))
                .replace("{month}", String.valueOf(1 + r.nextInt(12)))
                .replace("{count}", String.valueOf(3 + r.nextInt(60)))
                .replace("{amount}", String.valueOf((1 + r.nextInt(300)) * 100));
    }
}
