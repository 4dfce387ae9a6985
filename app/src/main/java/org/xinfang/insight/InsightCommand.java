package org.xinfang.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * The insight module's command line, run without the web application:
 * <pre>
 * ./mvnw -q -pl app compile exec:java -Dexec.args="train-classifier"
 * ./mvnw -q -pl app compile exec:java -Dexec.args="evaluate-classifier --input ../shared/data/messages_labelled_raw.jsonl --held-out"
 * ./mvnw -q -pl app compile exec:java -Dexec.args="measure-repeats --input ../shared/data/messages_with_votes.jsonl"
 * ./mvnw -q -pl app compile exec:java -Dexec.args="list-hotspots --input ../shared/data/messages_with_votes.jsonl"
 * ./mvnw -q -pl app compile exec:java -Dexec.args="replay-warnings --input ../shared/data/messages_with_votes.jsonl --top 10"
 * </pre>
 * Paths are relative to the repository root.
 * <p>
 * {@code replay-warnings} is the early-warning replay ({@link WarningReplay}): it starts the whole platform on a
 * fresh embedded PostgreSQL in a temporary folder (demo city, scheduler off, a random port), writes the
 * messages as petitions over their original timestamps, runs the warning rules week by week, prints the
 * warnings raised by rule and the top N (default 10) with their evidence counts, rolls everything back and
 * removes the temporary folder. It takes a few minutes (start-up, then about one evaluation a week of data).
 */
public final class InsightCommand {

    static final String DATA = "../shared/data/";
    static final String MODEL_FILE = "app/src/main/resources/" + PetitionClassifier.MODEL_RESOURCE;

    private final PrintStream out;

    private InsightCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].contains(" ")) {
            args = args[0].trim().split("\\s+"); // exec:java hands over one string when quoted oddly
        }
        if (args.length == 0) {
            usage(out);
            return;
        }
        Map<String, String> options = options(args);
        InsightCommand command = new InsightCommand(out);
        switch (args[0]) {
            case "train-classifier" -> command.train(options);
            case "evaluate-classifier" -> command.evaluate(options);
            case "cross-validate-classifier" -> command.crossValidate(options);
            case "measure-repeats" -> RepeatMeasurement.run(Path.of(options.getOrDefault("input",
                    DATA + "messages_with_votes.jsonl")), options, out);
            case "list-hotspots" -> HotspotListing.run(Path.of(options.getOrDefault("input",
                    DATA + "messages_with_votes.jsonl")), options, out);
            case "replay-warnings" -> command.replayWarnings(options);
            default -> {
                usage(out);
                System.exit(2);
            }
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: insight COMMAND [options]
                  train-classifier     [--raw FILE] [--segmented FILE|none] [--output FILE]
                                       [--solver L2R_L2LOSS_SVC_DUAL|L2R_LR|…] [--cost C] [--min-df N] [--max-terms N]
                  evaluate-classifier  --input FILE [--held-out] [--model FILE]
                  cross-validate-classifier [--raw FILE] [--segmented FILE|none] [--solver …] [--cost C] [--min-df N]
                  measure-repeats      [--input FILE]
                  list-hotspots        [--input FILE] [--top N]
                  replay-warnings      [--input FILE] [--top N]""");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(key, hasValue ? args[++i] : "true");
            }
        }
        return options;
    }

    // ------------------------------------------------------------------ early warning

    private void replayWarnings(Map<String, String> o) throws IOException {
        Path input = Path.of(o.getOrDefault("input", DATA + "messages_with_votes.jsonl"));
        if (!Files.isReadable(input)) {
            throw new IOException("data file " + input.toAbsolutePath() + " is not there; the shared data folder "
                    + "../shared/data is needed for the replay");
        }
        int top = Integer.parseInt(o.getOrDefault("top", "10"));
        Path folder = Files.createTempDirectory("xinfang-warning-replay");
        // command-line arguments, not default properties: application.yml would override those
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(org.xinfang.XinfangApplication.class)
                .run("--xinfang.scheduler.enabled=false", "--xinfang.embedded.data-dir=" + folder.resolve("data"),
                        "--server.port=0", "--logging.level.root=warn")) {
            WarningReplay.print(app.getBean(WarningReplay.class).run(input, top, out), out);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ classifier

    private ClassifierTraining.Settings settings(Map<String, String> o) {
        ClassifierTraining.Settings d = ClassifierTraining.Settings.defaults();
        return new ClassifierTraining.Settings(
                o.containsKey("solver") ? LinearClassificationType.LinearType.valueOf(o.get("solver")) : d.solver(),
                o.containsKey("cost") ? Double.parseDouble(o.get("cost")) : d.cost(),
                o.containsKey("min-df") ? Integer.parseInt(o.get("min-df")) : d.minDf(),
                o.containsKey("max-terms") ? Integer.parseInt(o.get("max-terms")) : d.maxTerms());
    }

    /** The training part of the raw file plus the segmented rows that copy no raw message. */
    private List<LabelledMessages.Message> trainingMessages(Map<String, String> o, StringBuilder about)
            throws IOException {
        Path rawFile = Path.of(o.getOrDefault("raw", DATA + "messages_labelled_raw.jsonl"));
        List<LabelledMessages.Message> raw = LabelledMessages.read(rawFile);
        List<LabelledMessages.Message> train = new ArrayList<>();
        List<String> heldOutTexts = new ArrayList<>();
        List<String> trainTexts = new ArrayList<>();
        for (LabelledMessages.Message m : raw) {
            if (LabelledMessages.heldOut(m)) {
                heldOutTexts.add(m.text());
            } else {
                train.add(m);
                trainTexts.add(m.text());
            }
        }
        about.append(String.format(Locale.ROOT, "raw file: %s, %d messages: %d for training, %d held out "
                + "(SHA-256 of the text mod 100 < %d)%n", rawFile.getFileName(), raw.size(), train.size(),
                heldOutTexts.size(), LabelledMessages.HELD_OUT_PERCENT));
        String segmented = o.getOrDefault("segmented", DATA + "messages_labelled_segmented.jsonl");
        if (!segmented.equals("none")) {
            List<LabelledMessages.Message> extra = LabelledMessages.read(Path.of(segmented));
            int[] leak = new int[1];
            int[] dup = new int[1];
            List<LabelledMessages.Message> clean = ClassifierTraining.withoutCopiesOf(extra, heldOutTexts, leak);
            clean = ClassifierTraining.withoutCopiesOf(clean, trainTexts, dup);
            train.addAll(clean);
            about.append(String.format(Locale.ROOT, "segmented file: %s, %d rows: %d copy a held-out message and were "
                    + "dropped, %d copy a training message and were dropped, %d added%n",
                    Path.of(segmented).getFileName(), extra.size(), leak[0], dup[0], clean.size()));
        }
        return train;
    }

    private void train(Map<String, String> o) throws IOException {
        long start = System.nanoTime();
        StringBuilder about = new StringBuilder("Xinfang petition classifier (Tribuo LibLinear over TF-IDF of smartcn "
                + "words, title words and character bigrams)\n");
        List<LabelledMessages.Message> train = trainingMessages(o, about);
        ClassifierTraining.Settings settings = settings(o);
        ClassifierTraining training = new ClassifierTraining();
        List<ClassifierTraining.Document> docs = train.parallelStream().map(training::document).toList();
        ClassifierModel model = training.train(docs, settings, "");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        about.append(String.format(Locale.ROOT, "training messages: %d; settings: %s; vocabulary: %d terms; "
                + "training took %.1f s%n", docs.size(), settings, model.vocabularySize(), took.toMillis() / 1000.0));
        ClassifierModel shipped = new ClassifierModel(model.idf(), model.background(), model.model(), about.toString());
        Path output = Path.of(o.getOrDefault("output", MODEL_FILE));
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(output)) {
            shipped.write(file);
        }
        out.print(about);
        out.printf(Locale.ROOT, "model written to %s (%d bytes)%n", output, Files.size(output));
    }

    private void evaluate(Map<String, String> o) throws IOException {
        if (!o.containsKey("input")) {
            throw new IllegalArgumentException("evaluate-classifier needs --input FILE (JSON Lines with text and label)");
        }
        ClassifierModel model;
        if (o.containsKey("model")) {
            try (InputStream in = Files.newInputStream(Path.of(o.get("model")))) {
                model = ClassifierModel.read(in);
            }
        } else {
            model = PetitionClassifier.loadShipped();
        }
        List<LabelledMessages.Message> messages = LabelledMessages.read(Path.of(o.get("input")));
        if (o.containsKey("held-out")) {
            messages = messages.stream().filter(LabelledMessages::heldOut).toList();
        }
        ClassifierEvaluation evaluation = new ClassifierEvaluation();
        TextFeatures features = new TextFeatures(new org.xinfang.search.ChineseSegmenter());
        long start = System.nanoTime();
        for (LabelledMessages.Message m : messages) {
            Map<String, Integer> counts = m.tokens() != null ? TextFeatures.countsOfTokens(m.tokens())
                    : features.counts(m.title(), m.body());
            evaluation.add(m.label(), String.valueOf(model.predict(counts, false).label()));
        }
        long micros = (System.nanoTime() - start) / 1000 / Math.max(1, messages.size());
        out.println(model.about().strip());
        out.printf(Locale.ROOT, "evaluated %s%s: %d messages, %d µs per message (single thread, cold)%n",
                o.get("input"), o.containsKey("held-out") ? " (held-out part only)" : "", messages.size(), micros);
        evaluation.print(out);
    }

    /** 5-fold cross-validation on the training part only, for choosing settings without touching the held-out part. */
    private void crossValidate(Map<String, String> o) throws IOException {
        StringBuilder about = new StringBuilder();
        List<LabelledMessages.Message> train = trainingMessages(o, about);
        out.print(about);
        ClassifierTraining training = new ClassifierTraining();
        List<ClassifierTraining.Document> docs = train.parallelStream().map(training::document).toList();
        for (String solver : o.getOrDefault("solver", ClassifierTraining.Settings.defaults().solver().name()).split(",")) {
            for (String cost : o.getOrDefault("cost", "" + ClassifierTraining.Settings.defaults().cost()).split(",")) {
                Map<String, String> one = new HashMap<>(o);
                one.put("solver", solver);
                one.put("cost", cost);
                crossValidate(train, docs, settings(one));
            }
        }
    }

    private void crossValidate(List<LabelledMessages.Message> train, List<ClassifierTraining.Document> docs,
            ClassifierTraining.Settings settings) {
        ClassifierTraining training = new ClassifierTraining();
        ClassifierEvaluation all = new ClassifierEvaluation();
        for (int fold = 0; fold < 5; fold++) {
            List<ClassifierTraining.Document> fit = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                // only raw messages are scored: they are what petitions look like
                if (i % 5 == fold && train.get(i).tokens() == null) {
                    test.add(i);
                } else if (i % 5 != fold) {
                    fit.add(docs.get(i));
                }
            }
            ClassifierModel model = training.train(fit, settings, "");
            for (int i : test) {
                all.add(docs.get(i).label(), String.valueOf(model.predict(docs.get(i).counts(), false).label()));
            }
        }
        out.printf(Locale.ROOT, "settings: %s accuracy %.4f macro-F1 %.4f%n", settings, all.accuracy(), all.macroF1());
    }
}
