package org.xinfang.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** Steps of the document stories through the HTTP API, and reading the files back. */
final class Cases {

    final int port;
    final JdbcClient jdbc;

    Cases(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    Api as(String user) {
        return new Api(port).as(user);
    }

    static void at(MutableClock clock, String isoDate, int hour) {
        clock.set(LocalDate.parse(isoDate).atTime(LocalTime.of(hour, 0)).atZone(ChinaTime.ZONE).toInstant());
    }

    /** A fresh, valid ID card number, so a repeat petitioner is always deliberate. */
    static String newIdCard() {
        return IdCards.next();
    }

    static Map<String, Object> letter(String name, String title, String content, String type) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("idCardNumber", newIdCard());
        p.put("phone", "13912345678");
        p.put("address", "示范市东湖区翠湖路88号3栋402室");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "LETTER");
        body.put("petitioner", p);
        body.put("type", type);
        body.put("category", "城乡建设");
        body.put("regionCode", "990102001");
        body.put("title", title);
        body.put("content", content);
        return body;
    }

    JsonNode register(Map<String, Object> body) {
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }

    String unitName(String code) {
        return jdbc.sql("SELECT name FROM organization.unit WHERE code = ?").param(code).query(String.class).single();
    }

    JsonNode step(String user, String number, String action, Object body) {
        Api.Response r = as(user).post("/api/v1/petitions/" + number + "/" + action, body == null ? Map.of() : body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** Waits for the documents made on the events (they are made after the step commits). */
    JsonNode documentsOnceThere(String user, String number, String... kinds) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            Api.Response r = as(user).get("/api/v1/petitions/" + number + "/documents");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<String> have = new ArrayList<>();
            r.json().forEach(d -> have.add(d.get("kind").asString()));
            if (have.containsAll(List.of(kinds))) {
                return r.json();
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("documents of " + number + " are " + have + ", expected " + List.of(kinds));
            }
            try {
                Thread.sleep(200); // the events are delivered asynchronously; nothing here can move them on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonNode ofKind(JsonNode documents, String kind) {
        JsonNode found = null;
        for (JsonNode d : documents) {
            if (d.get("kind").asString().equals(kind)) {
                found = d;
            }
        }
        assertThat(found).as(kind).isNotNull();
        return found;
    }

    /** The raw bytes of a GET, with the status and content type. */
    Download download(String user, String path) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (user != null) {
                String token = new Api(port).post("/api/v1/auth/token", Map.of("username", user, "password",
                        Api.DEMO_PASSWORD)).json().get("token").asString();
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    /** The text of a PDF as PDFBox extracts it, without the line breaks layout put in. */
    static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\r\\n]+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font used on every page, with whether it is embedded. */
    static Map<String, Boolean> pdfFonts(byte[] pdf) {
        Map<String, Boolean> fonts = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.put(f.getName(), f.isEmbedded());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    static String docxText(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText().replaceAll("[\\r\\n\\t]+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page 1 as a PNG in target/screenshots, to look at. */
    static Path pageImage(byte[] pdf, String name) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Path folder = Paths.get(System.getProperty("basedir", "."), "target", "screenshots");
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
