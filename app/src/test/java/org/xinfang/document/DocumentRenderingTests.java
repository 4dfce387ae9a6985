package org.xinfang.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xinfang.shared.RuleViolationException;

/** Rendering alone, without the platform: layout, fonts, and the errors that keep boxes off paper. */
class DocumentRenderingTests {

    static final DocumentSettings DEFAULTS = new DocumentSettings(null, true);

    // shared: parsing the CJK fonts takes seconds
    static final DocumentFonts fonts = new DocumentFonts(DEFAULTS);
    static final PdfRendering pdf = new PdfRendering(fonts);
    static final DocxRendering docx = new DocxRendering();

    static OfficialDocument letter(byte[] seal) {
        return new OfficialDocument(DocumentKind.REPLY_OPINION, null, "示范市东湖区住房和城乡建设局", "东住建信处〔2026〕12号",
                "关于王小明反映“小区停车位收费不合理”信访事项的处理意见书", "王小明：",
                List.of("你（单位）于二〇二六年三月二日提出的关于“小区停车位收费不合理”的信访事项，本机关于二〇二六年三月九日依法受理。"
                        + "现将处理意见答复如下：", "一、调查核实情况",
                        "经调查核实，该物业公司调整停车费未经业主大会表决。根据《物业管理条例》第十一条的规定，已责令物业公司恢复原收费标准。",
                        "处理结果：予以支持。", "如对本处理意见不服，可以自收到本意见书之日起30日内向东湖区人民政府书面提出复查申请。"),
                List.of(), null, "示范市东湖区住房和城乡建设局", ChineseDates.of(LocalDate.of(2026, 11, 22)), seal,
                "本意见书一式两份，一份送达信访人，一份存档");
    }

    @Test
    void a_letter_renders_after_gb_t_9704_with_its_fonts_embedded() throws Exception {
        byte[] file = pdf.render(letter(DocumentAccessTests.seal()));
        String text = Cases.pdfText(file);
        assertThat(text).contains("示范市东湖区住房和城乡建设局", "东住建信处〔2026〕12号", "处理意见书", "二〇二六年十一月二十二日",
                "一、调查核实情况", "— 1 —");
        assertThat(Cases.pdfFonts(file)).doesNotContainValue(false)
                .containsKeys(subset(file, "UMingCN"), subset(file, "UKaiCN"), subset(file, "WenQuanYiZenHei"));
        Cases.pageImage(file, "document-rendering-letter");
        assertThat(Cases.docxText(docx.render(letter(null)))).contains("东住建信处〔2026〕12号", "二〇二六年十一月二十二日");
        String xml = new String(docx.render(letter(null)), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(xml).isNotEmpty();
    }

    @Test
    void a_form_renders_as_a_table() {
        OfficialDocument form = new OfficialDocument(DocumentKind.FORWARDING_SLIP, "内部 · 注意保密", null, "示信访转〔2026〕3号",
                "信访事项转送单", "东湖区纪委监委：", List.of(), List.of(new OfficialDocument.Row("信访件编号", "990100-20261122-000001"),
                        new OfficialDocument.Row("主要内容", "反映某街道工作人员收受财物。\n请依法处理。")),
                null, "示范市信访局", ChineseDates.of(LocalDate.of(2026, 11, 22)), null, null);
        String text = Cases.pdfText(pdf.render(form));
        assertThat(text).contains("内部 · 注意保密", "信访事项转送单", "信访件编号", "990100-20261122-000001", "请依法处理");
        assertThat(Cases.docxText(docx.render(form))).contains("信访事项转送单", "主要内容", "请依法处理");
    }

    @Test
    void a_missing_font_is_named_instead_of_printing_boxes() {
        DocumentSettings broken = new DocumentSettings(new DocumentSettings.Fonts(null,
                new DocumentSettings.Font("/nowhere/fangsong.ttf", "FZFangSong", "fonts-example"), null), true);
        PdfRendering renderer = new PdfRendering(new DocumentFonts(broken));
        assertThatThrownBy(() -> renderer.render(letter(null))).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> {
                    RuleViolationException r = (RuleViolationException) e;
                    assertThat(r.messageKey()).isEqualTo("document.font.missing");
                    assertThat(r.args()).contains("FZFangSong", "/nowhere/fangsong.ttf");
                });
        DocumentSettings wrongFace = new DocumentSettings(new DocumentSettings.Fonts(null,
                new DocumentSettings.Font("/usr/share/fonts/truetype/arphic/ukai.ttc", "No Such Face", null), null), true);
        assertThatThrownBy(() -> new PdfRendering(new DocumentFonts(wrongFace)).render(letter(null)))
                .isInstanceOf(RuleViolationException.class).hasMessage("document.font.missing");
    }

    @Test
    void a_character_no_font_has_is_refused_with_its_code() {
        OfficialDocument odd = new OfficialDocument(DocumentKind.ACCEPTANCE_NOTICE, null, "示范市信访局", null, "受理告知书", null,
                List.of("信访人姓名含生僻字\uD883\uDEDD。"), List.of(), null, "示范市信访局", "二〇二六年十一月二十二日", null, null);
        assertThatThrownBy(() -> pdf.render(odd)).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).args()).contains("U+30EDD"));
    }

    @Test
    void a_document_renders_in_well_under_a_second_once_the_fonts_are_loaded() throws Exception {
        OfficialDocument doc = letter(DocumentAccessTests.seal());
        pdf.render(doc); // loads and parses the fonts once
        int n = 20;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            pdf.render(doc);
        }
        long pdfMs = (System.nanoTime() - started) / 1_000_000 / n;
        started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            docx.render(doc);
        }
        long docxMs = (System.nanoTime() - started) / 1_000_000 / n;
        System.out.printf("document rendering: PDF %d ms, DOCX %d ms per document (mean of %d, seal included)%n", pdfMs,
                docxMs, n);
        assertThat(pdfMs).isLessThan(2000); // loose: the machine is shared; typical is a few hundred ms
    }

    @Test
    void dates_are_written_in_chinese_numerals() {
        assertThat(ChineseDates.of(LocalDate.of(2026, 11, 22))).isEqualTo("二〇二六年十一月二十二日");
        assertThat(ChineseDates.of(LocalDate.of(2030, 1, 10))).isEqualTo("二〇三〇年一月十日");
        assertThat(ChineseDates.of(LocalDate.of(2027, 10, 31))).isEqualTo("二〇二七年十月三十一日");
        assertThat(ChineseDates.of(LocalDate.of(2026, 12, 20))).isEqualTo("二〇二六年十二月二十日");
    }

    @Test
    void long_organ_names_shrink_to_fit_one_line() {
        assertThat(PdfRendering.letterheadPoints("东湖区住房和城乡建设局")).isEqualTo(30);
        assertThat(PdfRendering.letterheadPoints("示范市东湖区住房和城乡建设局")).isLessThan(30);
        assertThat(PdfRendering.letterheadPoints("示范市东湖区住房和城乡建设局") * 14).isLessThanOrEqualTo(420);
    }

    private static String subset(byte[] file, String family) {
        return Cases.pdfFonts(file).keySet().stream().filter(f -> f.endsWith("+" + family)).findFirst().orElse(family);
    }
}
