package org.xinfang.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionType;

/** The reply checker on good and bad replies, one rule at a time. */
class ReplyCheckerTests {

    static final String PETITION = "我是翠湖社区居民，小区物业自今年起将地面停车位月租从100元提高到300元，未经业主大会同意。"
            + "请求有关部门核查物业收费依据，并责令物业退还多收的停车费。另外，希望小区增设电动车充电桩。";

    static final String GOOD = "经调查核实，该物业公司调整停车位收费未经业主大会表决，收费依据不足。根据《物业管理条例》第十一条的规定，"
            + "已责令物业公司恢复原收费标准，并于5月底前退还多收的停车费。关于增设电动车充电桩的建议，街道已将小区列入今年充电桩建设计划。"
            + "如对本处理意见不服，可自收到本意见书之日起30日内向东湖区人民政府书面申请复查。";

    final ReplyChecker checker = new ReplyChecker();

    private ReplyCheck check(String text) {
        return checker.check(new ReplyDraft(PetitionType.APPEAL, "小区停车位收费不合理", PETITION, Outcome.SUPPORTED, text, 0,
                "东湖区", "王小明"));
    }

    @Test
    void a_complete_reply_passes_every_rule() {
        ReplyCheck result = check(GOOD);
        assertThat(result.missing()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.findings()).extracting(ReplyCheck.Finding::rule).containsExactly(ReplyRule.DEMANDS_ANSWERED,
                ReplyRule.LAWFUL_OUTCOME, ReplyRule.FACTS_STATED, ReplyRule.LEGAL_BASIS, ReplyRule.REVIEW_NOTICE,
                ReplyRule.NO_THIRD_PARTY_DATA);
        assertThat(result.findings().get(0).message()).isEqualTo("已回应信访人的2项诉求");
    }

    @Test
    void a_demand_left_unanswered_is_named() {
        ReplyCheck result = check(GOOD.replace("关于增设电动车充电桩的建议，街道已将小区列入今年充电桩建设计划。", ""));
        assertThat(result.failed(ReplyRule.DEMANDS_ANSWERED)).isTrue();
        assertThat(result.missing().get(0)).startsWith("未回应信访人的诉求（共2项，未回应1项）").contains("电动车充电桩");
    }

    @Test
    void a_reply_without_facts_or_legal_basis_says_so() {
        ReplyCheck result = check("你反映的停车位收费问题已收悉，我们高度重视，已责令物业公司退还多收的停车费，并研究增设电动车充电桩。"
                + "如不服，可自收到之日起30日内向东湖区人民政府申请复查。");
        assertThat(result.failed(ReplyRule.FACTS_STATED)).isTrue();
        assertThat(result.failed(ReplyRule.LEGAL_BASIS)).isTrue();
        assertThat(result.missing()).anyMatch(m -> m.startsWith("未写明调查核实的事实"))
                .anyMatch(m -> m.startsWith("未写明处理依据") && m.contains("根据《……》第……条"));
    }

    @Test
    void the_review_notice_must_give_thirty_days_and_the_organ_above() {
        assertThat(check(GOOD.replace("如对本处理意见不服，可自收到本意见书之日起30日内向东湖区人民政府书面申请复查。", "")).missing())
                .contains("缺少复查告知：应写明“如不服本处理意见，可自收到之日起30日内向东湖区申请复查”");
        assertThat(check(GOOD.replace("30日内", "")).missing()).contains("复查告知未写明30日的申请期限");
        assertThat(check(GOOD.replace("东湖区人民政府", "示范市信访局")).missing()).contains("复查告知中的机关应为东湖区");
        ReplyCheck review = checker.check(new ReplyDraft(PetitionType.APPEAL, "", PETITION, null,
                GOOD.replace("复查", "复核"), 1, null, null));
        assertThat(review.failed(ReplyRule.REVIEW_NOTICE)).isFalse();
        ReplyCheck recheck = checker.check(new ReplyDraft(PetitionType.APPEAL, "", PETITION, null, GOOD, 2, null, null));
        assertThat(recheck.missing()).contains("未告知复核意见为终结意见：应写明信访人以同一事实和理由再次提出的，不再受理");
    }

    @Test
    void an_outcome_the_law_does_not_give_for_the_type_is_refused() {
        ReplyCheck result = checker.check(new ReplyDraft(PetitionType.SUGGESTION, "", "建议增设公交线路。", Outcome.NOT_SUPPORTED,
                GOOD, 0, null, null));
        assertThat(result.missing()).contains("处理结果“不予支持”不是建议意见类信访事项的法定处理结果，应为予以采纳、部分采纳、不予采纳之一");
        ReplyCheck vague = checker.check(new ReplyDraft(null, "", PETITION, null,
                "您好，您反映的问题我们已转相关部门，感谢您的关注。", 0, null, null));
        assertThat(vague.failed(ReplyRule.LAWFUL_OUTCOME)).isTrue();
    }

    @Test
    void third_parties_personal_data_is_found_but_the_petitioner_and_anonymised_names_are_not() {
        ReplyCheck result = check(GOOD + "经核查，物业经理张伟先生（身份证号110105197501010018，手机13800138000）已作出书面承诺。");
        assertThat(result.failed(ReplyRule.NO_THIRD_PARTY_DATA)).isTrue();
        String message = result.missing().stream().filter(m -> m.startsWith("含有他人的个人信息")).findFirst().orElseThrow();
        assertThat(message).contains("身份证号码110***********0018").contains("手机号码138****8000").contains("姓名张*先生")
                .doesNotContain("13800138000");
        assertThat(check(GOOD + "王先生，感谢您的监督。物业公司负责人李某某已作出承诺。").failed(ReplyRule.NO_THIRD_PARTY_DATA)).isFalse();
        assertThat(check(GOOD + "学校不会随意更换任课老师。").failed(ReplyRule.NO_THIRD_PARTY_DATA)).isFalse();
    }

    @Test
    void an_accusation_reply_must_not_show_the_accusation_reached_the_accused() {
        String accusation = "举报东湖区某街道城管队员张某在执法过程中收受摊贩财物，每月收取保护费数百元，多名摊贩可以作证，"
                + "请求纪检部门严肃查处。";
        String fine = "经调查核实，你反映的问题部分属实。根据《中华人民共和国监察法》第四十五条的规定，已对相关人员立案审查并作出处理。"
                + "如对本处理意见不服，可自收到之日起30日内向示范市人民政府申请复查。";
        ReplyDraft ok = new ReplyDraft(PetitionType.ACCUSATION, "城管队员收受财物", accusation, Outcome.SUPPORTED, fine, 0, null, null);
        assertThat(checker.check(ok).failed(ReplyRule.NO_ACCUSATION_DISCLOSURE)).isFalse();

        ReplyDraft leaked = new ReplyDraft(PetitionType.ACCUSATION, "城管队员收受财物", accusation, Outcome.SUPPORTED,
                fine + "我们已将你的举报材料转交被举报人所在单位核实。", 0, null, null);
        assertThat(checker.check(leaked).missing()).anyMatch(m -> m.startsWith("答复表明检举控告材料或检举人信息已透露给被检举控告人")
                && m.contains("第三十条"));
        ReplyDraft copied = new ReplyDraft(PetitionType.ACCUSATION, "城管队员收受财物", accusation, Outcome.SUPPORTED,
                fine + "来信称：" + accusation, 0, null, null);
        assertThat(checker.check(copied).missing()).anyMatch(m -> m.startsWith("答复大段照录检举控告材料"));
    }
}
