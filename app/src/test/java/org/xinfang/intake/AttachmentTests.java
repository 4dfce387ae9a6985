package org.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/** Scanned letters and photos handed in through the public API: judged by content, kept with the petition, seen only in scope. */
@XinfangTest
class AttachmentTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1 };

    @Test
    void a_pdf_and_a_photo_are_stored_with_their_sniffed_types_and_only_staff_in_scope_can_download_them() {
        Map<String, Object> body = online("反映拆迁补偿", "柳桥镇石坝村拆迁补偿款未按协议支付，附协议扫描件和现场照片。");
        body.put("attachments", List.of(
                file("补偿协议", "application/octet-stream", PDF), // no extension, wrong declared type
                file("现场.jpeg", "image/jpeg", JPEG)));
        Api.Response r = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().get("number").asString();

        Api.Response list = new Api(port).as("clerk").get("/api/v1/petitions/" + number + "/attachments");
        assertThat(list.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        for (JsonNode a : list.json()) {
            listed.add(a.get("name").asString() + " " + a.get("contentType").asString() + " " + a.get("size").asInt());
        }
        assertThat(listed).containsExactly("补偿协议.pdf application/pdf " + PDF.length, "现场.jpeg image/jpeg " + JPEG.length);

        String id = list.json().get(0).get("id").asString();
        HttpResponse<byte[]> download = download("clerk", "/api/v1/petitions/" + number + "/attachments/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");

        // a handler of another district's bureau does not learn that the petition or its files exist
        assertThat(new Api(port).as("handler2").get("/api/v1/petitions/" + number + "/attachments").json().size()).isZero();
        assertThat(download("handler2", "/api/v1/petitions/" + number + "/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'attachment.read' AND object_id = ?")
                .param(number).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_exe_renamed_jpg_too_many_files_and_broken_base64_are_refused_in_chinese_and_nothing_is_stored() {
        long petitions = count("petition.petition");
        long people = count("people.petitioner");
        long files = count("intake.attachment");

        Map<String, Object> body = online("反映噪声", "夜间施工噪声。");
        body.put("attachments", List.of(file("照片.jpg", "image/jpeg", exe())));
        Api.Response exe = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body);
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.fieldErrors().get("attachments[0]")).contains("照片.jpg").contains("按文件内容识别");

        List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(file("p" + i + ".pdf", "application/pdf", PDF));
        }
        body.put("attachments", six);
        Api.Response tooMany = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.fieldErrors().get("attachments")).isEqualTo("附件最多 5 个。");

        Map<String, Object> broken = new HashMap<>(file("a.pdf", "application/pdf", PDF));
        broken.put("data", "这不是base64!!");
        body.put("attachments", List.of(broken));
        body.put("title", "");
        Api.Response notBase64 = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body);
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.fieldErrors()).containsEntry("attachments[0].data", "附件内容不是有效的 Base64 编码。")
                .containsEntry("title", "此项为必填项。");

        assertThat(count("petition.petition")).isEqualTo(petitions);
        assertThat(count("people.petitioner")).isEqualTo(people);
        assertThat(count("intake.attachment")).isEqualTo(files);
    }

    @Test
    void the_type_is_judged_by_the_first_bytes_only() {
        assertThat(AttachmentPolicy.sniff(PDF)).contains(AttachmentPolicy.Kind.PDF);
        assertThat(AttachmentPolicy.sniff(JPEG)).contains(AttachmentPolicy.Kind.JPEG);
        assertThat(AttachmentPolicy.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentPolicy.Kind.GIF);
        assertThat(AttachmentPolicy.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .contains(AttachmentPolicy.Kind.WEBP);
        assertThat(AttachmentPolicy.sniff(exe())).isEmpty();
        assertThat(AttachmentPolicy.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentPolicy.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isEmpty();
        assertThat(AttachmentPolicy.cleanName("C:\\Users\\张三\\Desktop\\证据.pdf", 0)).isEqualTo("证据.pdf");
        assertThat(AttachmentPolicy.cleanName("../../etc/passwd", 0)).isEqualTo("passwd");
        assertThat(AttachmentPolicy.cleanName("\u202Egpj.exe", 1)).isEqualTo("gpj.exe");
        assertThat(AttachmentPolicy.cleanName("   ", 2)).isEqualTo("附件3");
    }

    private HttpResponse<byte[]> download(String user, String path) {
        String token = new Api(port).as(user).post("/api/v1/auth/token",
                Map.of("username", user, "password", Api.DEMO_PASSWORD)).json().get("token").asString();
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] exe() {
        byte[] data = new byte[1024];
        data[0] = 'M';
        data[1] = 'Z';
        return data;
    }

    private static Map<String, Object> file(String name, String type, byte[] data) {
        return Map.of("name", name, "contentType", type, "data", Base64.getEncoder().encodeToString(data));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static Map<String, Object> online(String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "周敏");
        body.put("idCardNumber", org.xinfang.support.IdCards.next());
        body.put("phone", "13700137000");
        body.put("address", "示范市东湖区柳桥镇石坝村3组");
        body.put("regionCode", "990102101");
        body.put("title", title);
        body.put("content", content);
        return body;
    }
}
