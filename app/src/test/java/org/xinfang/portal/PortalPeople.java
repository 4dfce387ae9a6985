package org.xinfang.portal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Made-up citizens, their files and the staff who answer them, for the portal's stories. */
final class PortalPeople {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    private PortalPeople() {
    }

    /** A valid GB 11643 number nobody else in the test run uses (a real province prefix; 990102 is not one). */
    static String idCard() {
        int n = NEXT.incrementAndGet() + (int) (System.nanoTime() % 700) * 1000;
        String body = "320102" + "1975" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
                + String.format("%03d", n % 1000);
        return body + checkCharacter(body);
    }

    /** The same number with a wrong check character. */
    static String withWrongCheckCharacter(String idCard) {
        char right = idCard.charAt(17);
        return idCard.substring(0, 17) + (right == '1' ? '2' : '1');
    }

    static char checkCharacter(String body17) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /**
     * A client address of its own for each simulated citizen, from TEST-NET-3 (RFC 5737): only ever a
     * header value, no traffic goes there. The app honours X-Forwarded-For from loopback.
     */
    static String newAddress() {
        return "203.0.113." + NEXT_ADDRESS.incrementAndGet();
    }

    /** A small real PNG photo. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8899aa));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a Windows executable: "MZ", the DOS stub, then padding. */
    static byte[] exe() {
        byte[] data = new byte[2048];
        data[0] = 'M';
        data[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, data, 0x4E, stub.length);
        return data;
    }

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The 东湖区住建局 forward, accept, reply and approval, through the staff API. */
    static void staffAnswer(int port, JdbcClient jdbc, String number, String reply) {
        long unit = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990102-ZJJ'").query(Long.class).single();
        step(port, "clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unit));
        step(port, "handler", number, "accept", Map.of());
        step(port, "handler", number, "reply", Map.of("outcome", "NOT_SUPPORTED", "text", reply));
        step(port, "approver", number, "approve", Map.of("decision", "APPROVE"));
    }

    static void step(int port, String user, String number, String action, Object body) {
        Api.Response r = new Api(port).as(user).post("/api/v1/petitions/" + number + "/" + action, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }
}
