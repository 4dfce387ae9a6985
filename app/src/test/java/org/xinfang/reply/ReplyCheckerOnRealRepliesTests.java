package org.xinfang.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xinfang.petition.PetitionType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the checker on the real replies of a provincial government's message board
 * ({@code ../shared/data/messages_with_replies.jsonl}, 2,816 messages): which share of real replies each
 * rule flags. The board's replies are not 处理意见书 under the 条例, so high shares for the statutory
 * elements (legal basis, 复查 notice) are findings about them, not failures of the checker; the figures
 * are printed and written to {@code target/reply-check-real-replies.txt}. Skipped when the data is absent.
 */
class ReplyCheckerOnRealRepliesTests {

    static final Path DATA = Paths.get(System.getProperty("xinfang.data", "../../shared/data"), "messages_with_replies.jsonl");
    private static final Pattern ACCUSATION = Pattern.compile("举报|检举|控告");

    @Test
    void measures_what_share_of_real_replies_each_rule_flags() throws IOException {
        Path data = DATA;
        Assumptions.assumeTrue(Files.isReadable(data), "real replies not found at " + DATA.toAbsolutePath()
                + " (set -Dxinfang.data=<folder>); the measurement is skipped");
        ReplyChecker checker = new ReplyChecker();
        JsonMapper json = JsonMapper.builder().build();
        Map<ReplyRule, Integer> flagged = new EnumMap<>(ReplyRule.class);
        Map<ReplyRule, Integer> applied = new EnumMap<>(ReplyRule.class);
        Map<ReplyRule, List<String>> examples = new EnumMap<>(ReplyRule.class);
        // a seeded sample of flagged replies per rule, for a person to judge whether the flag is right
        Map<ReplyRule, List<String>> samples = new EnumMap<>(ReplyRule.class);
        java.util.Random random = new java.util.Random(20261122);
        int total = 0;
        int anyFlag = 0;
        int anyButNotice = 0; // message-board replies are not 处理意见书 and never carry the 复查 notice
        int accusations = 0;
        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode m = json.readTree(line);
                String title = m.get("title").asString();
                String detail = m.get("detail").asString();
                boolean accusation = ACCUSATION.matcher(title + detail).find();
                accusations += accusation ? 1 : 0;
                // The board records no type or outcome: accusations are recognised by their words, the
                // outcome is looked for in the text, and no organ is prescribed for the 复查 notice.
                ReplyCheck r = checker.check(new ReplyDraft(accusation ? PetitionType.ACCUSATION : null, title, detail, null,
                        m.get("reply").asString(), 0, null, null));
                total++;
                anyFlag += r.passed() ? 0 : 1;
                anyButNotice += r.findings().stream().anyMatch(f -> !f.passed() && f.rule() != ReplyRule.REVIEW_NOTICE) ? 1 : 0;
                for (ReplyCheck.Finding f : r.findings()) {
                    applied.merge(f.rule(), 1, Integer::sum);
                    if (!f.passed()) {
                        flagged.merge(f.rule(), 1, Integer::sum);
                        List<String> ex = examples.computeIfAbsent(f.rule(), k -> new ArrayList<>());
                        if (ex.size() < 3) {
                            ex.add(m.get("id").asString() + " " + f.message().substring(0, Math.min(90, f.message().length())));
                        }
                        List<String> sample = samples.computeIfAbsent(f.rule(), k -> new ArrayList<>());
                        if (sample.size() < 20 && random.nextInt(8) == 0) {
                            String reply = m.get("reply").asString();
                            sample.add("[" + m.get("id").asString() + "] " + f.message() + "\n    REPLY: "
                                    + reply.substring(0, Math.min(600, reply.length())));
                        }
                    }
                }
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        StringBuilder report = new StringBuilder();
        report.append(String.format("Reply checker on %d real replies (%s), %d ms%n", total, data, ms));
        report.append(String.format("flagged by at least one rule: %d (%.1f%%)%n", anyFlag, 100.0 * anyFlag / total));
        report.append(String.format("flagged by a rule other than the 复查 notice: %d (%.1f%%)%n", anyButNotice,
                100.0 * anyButNotice / total));
        report.append(String.format("recognised as accusations (举报/检举/控告): %d%n", accusations));
        for (ReplyRule rule : ReplyRule.values()) {
            int n = applied.getOrDefault(rule, 0);
            int f = flagged.getOrDefault(rule, 0);
            report.append(String.format("%-26s %-12s flagged %4d of %4d (%5.1f%%)%n", rule, rule.label(), f, n,
                    n == 0 ? 0.0 : 100.0 * f / n));
            for (String ex : examples.getOrDefault(rule, List.of())) {
                report.append("    e.g. ").append(ex).append('\n');
            }
        }
        System.out.println(report);
        Path out = Paths.get(System.getProperty("basedir", "."), "target", "reply-check-real-replies.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        StringBuilder sampled = new StringBuilder();
        samples.forEach((rule, list) -> {
            sampled.append("=== ").append(rule).append(' ').append(rule.label()).append('\n');
            list.forEach(x -> sampled.append(x).append("\n\n"));
        });
        Files.writeString(out.resolveSibling("reply-check-real-replies-samples.txt"), sampled);
        assertThat(total).isGreaterThan(2000);
        // Published replies are vetted: a personal-data or disclosure rule that fired on many of them would be
        // firing on ordinary wording, not on personal data.
        assertThat(flagged.getOrDefault(ReplyRule.NO_THIRD_PARTY_DATA, 0)).isLessThan(total / 20);
        assertThat(flagged.getOrDefault(ReplyRule.NO_ACCUSATION_DISCLOSURE, 0))
                .isLessThan(Math.max(1, applied.getOrDefault(ReplyRule.NO_ACCUSATION_DISCLOSURE, 0) / 10));
    }
}
