package org.xinfang.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * The 登记表 is issued when the petition is registered (row, template version, content) but rendered
 * later: what the first download prints is what was issued then, not the case as it stands by then.
 */
@XinfangTest
class DeferredRenderingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DocumentFiles files;

    Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(port, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_registration_form_is_issued_at_once_and_printed_later_as_it_was_issued() {
        Cases.at(clock, "2026-03-02", 9);
        Map<String, Object> letter = Cases.letter("赵建国", "楼道堆放杂物占用消防通道",
                "本楼三单元楼道长期堆放杂物，占用消防通道，存在严重火灾隐患，请求责令清理。", "APPEAL");
        JsonNode receipt = cases.register(letter);
        String number = receipt.get("number").asString();
        JsonNode docs = cases.documentsOnceThere("clerk", number, "REGISTRATION_FORM");
        UUID form = UUID.fromString(Cases.ofKind(docs, "REGISTRATION_FORM").get("id").asString());

        // issued, not rendered: no files yet, the content kept sealed (it names the petitioner)
        assertThat(jdbc.sql("SELECT rendered FROM document.issued WHERE id = ?").param(form).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM document.file WHERE document_id = ?").param(form).query(Long.class).single())
                .isZero();
        byte[] sealed = jdbc.sql("SELECT content_enc FROM document.issued WHERE id = ?").param(form).query(byte[].class).single();
        assertThat(sealed).isNotEmpty();
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("赵建国");

        // the same person writes again months later under another name: the first form still names him as then
        Cases.at(clock, "2026-07-15", 10);
        @SuppressWarnings("unchecked")
        Map<String, Object> petitioner = new java.util.HashMap<>((Map<String, Object>) letter.get("petitioner"));
        petitioner.put("name", "赵建军");
        Map<String, Object> again = new java.util.HashMap<>(letter);
        again.put("petitioner", petitioner);
        again.put("title", "小区绿地被占用建停车场");
        again.put("content", "小区中心绿地被物业改建为收费停车场，未征求业主意见，请求恢复绿地。");
        cases.register(again);

        String base = "/api/v1/petitions/" + number + "/documents/" + form;
        Cases.Download pdf = cases.download("clerk", base + "?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(Cases.pdfText(pdf.body())).contains("信访事项登记表", number, "赵建国", "二〇二六年三月二日", "消防通道")
                .doesNotContain("赵建军");
        Cases.Download docx = cases.download("clerk", base + "?format=docx");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(Cases.docxText(docx.body())).contains("信访事项登记表", "赵建国").doesNotContain("赵建军");

        // rendered once and stored: a second download serves the same bytes
        assertThat(jdbc.sql("SELECT rendered FROM document.issued WHERE id = ?").param(form).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM document.file WHERE document_id = ?").param(form).query(Long.class).single())
                .isEqualTo(2);
        assertThat(cases.download("clerk", base + "?format=pdf").body()).isEqualTo(pdf.body());
    }

    @Test
    void the_background_renderer_stores_the_files_of_forms_not_downloaded_yet() {
        JsonNode receipt = cases.register(Cases.letter("钱丽娟", "菜市场噪声扰民",
                "菜市场每天凌晨四点开始卸货，噪声很大，严重影响周边居民休息。", "APPEAL"));
        String number = receipt.get("number").asString();
        JsonNode docs = cases.documentsOnceThere("clerk", number, "REGISTRATION_FORM");
        UUID form = UUID.fromString(Cases.ofKind(docs, "REGISTRATION_FORM").get("id").asString());

        long pending = jdbc.sql("SELECT count(*) FROM document.issued WHERE NOT rendered").query(Long.class).single();
        assertThat(pending).isPositive();
        assertThat(files.renderPending(1_000)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT rendered FROM document.issued WHERE id = ?").param(form).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT format FROM document.file WHERE document_id = ? ORDER BY format").param(form)
                .query(String.class).list()).containsExactly("DOCX", "PDF");
        Cases.Download pdf = cases.download("clerk", "/api/v1/petitions/" + number + "/documents/" + form + "?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(Cases.pdfText(pdf.body())).contains("信访事项登记表", "钱丽娟", "菜市场");
    }
}
