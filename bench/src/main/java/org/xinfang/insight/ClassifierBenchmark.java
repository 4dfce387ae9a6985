package org.xinfang.insight;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Average time to classify one petition with the shipped model: segmentation, features, TF-IDF and
 * the LibLinear prediction, with and without the explanation (the words that drove it). The texts are
 * typical petitions of ~100, ~400 and ~1,200 characters (the data's average is about 430).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBenchmark {

    private static final String SHORT = "小区物业擅自上涨停车费，业主多次反映无果，请求住建部门查处。";
    private static final String MEDIUM = "尊敬的领导：我们是东湖区翠湖花园小区的业主。小区物业公司自今年三月起，未经业主大会表决，"
            + "擅自将地面停车位月租从100元提高到300元，地下车位从200元提高到450元，并且对不交新标准停车费的车辆拒绝放行。"
            + "业主多次到物业服务中心协商，物业以成本上涨为由拒绝说明依据，也不公示收费备案材料。社区居委会和街道办事处"
            + "接到反映后表示由住建部门管理，至今没有答复。根据物业管理条例和本市物业服务收费管理办法，停车收费调整应当"
            + "经业主大会同意并向价格主管部门备案。请有关部门依法核查物业公司的收费行为，责令其恢复原收费标准，退还多收"
            + "的费用，并督促业主委员会尽快依法换届，保障业主的合法权益。谢谢！";
    private static final String LONG = MEDIUM + MEDIUM + MEDIUM;

    @Param({ "short", "medium", "long" })
    public String size;

    private PetitionClassifier classifier;
    private String text;

    @Setup
    public void load() {
        classifier = new PetitionClassifier();
        text = switch (size) {
            case "short" -> SHORT;
            case "medium" -> MEDIUM;
            default -> LONG;
        };
    }

    @Benchmark
    public String classify() {
        return classifier.categoryOf("物业擅自上涨停车费", text);
    }

    @Benchmark
    public PetitionClassifier.Suggestion classifyAndExplain() {
        return classifier.classify("物业擅自上涨停车费", text);
    }
}
