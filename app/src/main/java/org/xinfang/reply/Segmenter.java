package org.xinfang.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese words of a sentence by Lucene's smartcn (a hidden-Markov segmenter with its own dictionary),
 * keeping the content words a reply would repeat when it answers a demand: two or more Chinese
 * characters, not the function words and petition boilerplate that every text shares.
 */
final class Segmenter {

    /** Words that say a demand is a demand, or that every petition and reply share; they prove nothing. */
    private static final Set<String> GENERIC = Set.of("请求", "要求", "希望", "建议", "恳请", "恳求", "呼吁", "盼望", "期望",
            "请问", "能否", "是否", "可否", "何时", "为什么", "为何", "怎么", "怎么办", "如何", "尽快", "尽早", "及时", "解决",
            "处理", "问题", "情况", "有关", "相关", "部门", "政府", "领导", "我们", "你们", "他们", "她们", "这个", "那个",
            "什么", "一下", "现在", "目前", "已经", "没有", "可以", "进行", "给予", "得到", "以及", "关于", "对于", "因为", "所以",
            "但是", "还是", "就是", "如果", "这样", "一个", "这些", "那些", "大家", "广大", "市民", "群众", "反映", "谢谢",
            "感谢", "您好", "你好", "尊敬", "书记", "市长", "局长", "主任", "能够", "应该", "应当", "一直", "不能", "不是",
            "自己", "本人", "我家", "时间", "今年", "去年", "问一问", "个人", "单位", "工作", "说法", "重视", "关注",
            "帮助", "帮忙", "答复", "回复", "落实", "监管", "力度", "加大", "加强", "严肃", "调查", "核实", "查处", "解答",
            "即刻", "为感", "期待", "感激", "不尽", "真心", "热烈", "强烈", "恳切", "一些", "有些", "还有", "真的");

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    private Segmenter() {
    }

    /** The distinct content words of a text, in order of first appearance. */
    static Set<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().allMatch(Segmenter::isHan) && !GENERIC.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
