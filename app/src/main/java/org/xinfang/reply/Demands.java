package org.xinfang.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The demands (诉求) of a petition, found the way a reader finds them: the sentences that ask — 请求、要求、
 * 希望、建议、恳请 …, or end in a question mark. Each demand keeps its content words, which an answer to it
 * is expected to take up. A petition without such a sentence has its title as its one demand.
 */
final class Demands {

    /**
     * One demand: the asking sentence and the words an answer should take up. A bare ask ("请领导解答",
     * "望有关部门即刻核查") names nothing itself; it asks about the petition's subject, so its words are the title's.
     */
    record Demand(String sentence, Set<String> words) {
    }

    /** Fewer content words than this and a demand is a bare ask about the petition's subject. */
    private static final int BARE = 2;

    private static final Pattern SENTENCES = Pattern.compile("[。！？!?；;\\n\\r]+");
    private static final Pattern ASKS = Pattern.compile(
            "请求|要求|(?<!充满|有|的|没有)希望(?!的)|建议|恳请|恳求|呼吁|盼望|期望|期盼|请问|能否|能不能|可否|是否|何时|什么时候|为什么|为何|怎么办|"
                    + "给个说法|讨个说法|请(有关|相关|政府|领导|上级|职能|贵|市|区|县)|望(有关|相关|政府|领导)");
    private static final int MAX_DEMANDS = 8;

    private Demands() {
    }

    static List<Demand> of(String title, String content) {
        List<Demand> demands = new ArrayList<>();
        String text = content == null ? "" : content;
        int start = 0;
        var m = SENTENCES.matcher(text);
        List<String> sentences = new ArrayList<>();
        while (m.find()) {
            sentences.add(text.substring(start, m.end()));
            start = m.end();
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        for (String s : sentences) {
            String sentence = s.strip();
            boolean question = sentence.endsWith("？") || sentence.endsWith("?");
            if (sentence.length() >= 4 && (question || ASKS.matcher(sentence).find())) {
                String ask = ask(sentence, question);
                Set<String> words = new java.util.LinkedHashSet<>(Segmenter.contentWords(ask));
                if (words.size() < BARE && title != null) {
                    words.addAll(Segmenter.contentWords(title));
                }
                if (!words.isEmpty() && demands.stream().noneMatch(d -> d.words().equals(words))) {
                    demands.add(new Demand(ask, words));
                }
            }
        }
        if (demands.isEmpty() && title != null && !title.isBlank()) {
            Set<String> words = Segmenter.contentWords(title);
            if (!words.isEmpty()) {
                demands.add(new Demand(title.strip(), words));
            }
        }
        // The last demands of a long letter are usually its summary; keep the first and the last ones.
        if (demands.size() > MAX_DEMANDS) {
            List<Demand> kept = new ArrayList<>(demands.subList(0, MAX_DEMANDS / 2));
            kept.addAll(demands.subList(demands.size() - MAX_DEMANDS / 2, demands.size()));
            return kept;
        }
        return demands;
    }

    /**
     * The asking part of a sentence: from the clause with the asking word to the end (a long letter often
     * packs its background and its request into one sentence), or the last two clauses of a question.
     */
    static String ask(String sentence, boolean question) {
        String[] clauses = sentence.split("(?<=[，,：:])");
        int from = -1;
        for (int i = 0; i < clauses.length; i++) {
            if (ASKS.matcher(clauses[i]).find()) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            from = question ? Math.max(0, clauses.length - 2) : 0;
        }
        return String.join("", java.util.Arrays.copyOfRange(clauses, from, clauses.length)).strip();
    }

    /** Whether a reply takes up a demand: enough of its words (or their first or last two characters) appear. */
    static boolean answeredBy(Demand demand, String reply) {
        int hits = 0;
        for (String w : demand.words()) {
            if (reply.contains(w) || w.length() >= 3 && (reply.contains(w.substring(0, 2))
                    || reply.contains(w.substring(w.length() - 2)))) {
                hits++;
            }
        }
        int n = demand.words().size();
        return hits >= Math.min(2, n) && hits * 5 >= n;
    }
}
