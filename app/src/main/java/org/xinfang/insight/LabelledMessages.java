package org.xinfang.insight;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled citizen messages of the shared data folder, read from JSON Lines, and the fixed
 * train/held-out split: a message is held out when the first four bytes of SHA-256 of its text, read
 * as an unsigned number, modulo 100 are below {@value #HELD_OUT_PERCENT}. The text is the key because
 * ids are missing on most rows; the split depends on nothing else, so anyone gets the same parts.
 */
final class LabelledMessages {

    static final int HELD_OUT_PERCENT = 20;

    /** One message: {@code text} is title + body; {@code title} may be empty; {@code tokens} for pre-segmented rows. */
    record Message(String id, String title, String text, String label, List<String> tokens) {

        /** The body without the title it starts with. */
        String body() {
            return !title.isEmpty() && text.startsWith(title) ? text.substring(title.length()) : text;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LabelledMessages() {
    }

    /** Reads a file with {@code text} (or {@code title} + {@code detail}, or {@code tokens}) and {@code label}. */
    static List<Message> read(Path file) throws IOException {
        List<Message> messages = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String title = text(n, "title");
                String text = text(n, "text");
                if (text.isEmpty()) {
                    text = title + text(n, "detail");
                }
                List<String> tokens = n.hasNonNull("tokens")
                        ? Arrays.stream(n.get("tokens").asString().split("\\s+")).filter(t -> !t.isEmpty()).toList()
                        : null;
                if (text.isEmpty() && tokens != null) {
                    text = String.join("", tokens);
                }
                messages.add(new Message(text(n, "id"), title, text, text(n, "label"), tokens));
            }
        }
        return messages;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asString().strip() : "";
    }

    /** Whether the fixed split holds this message out of training. */
    static boolean heldOut(Message m) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(m.text().getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
            return v % 100 < HELD_OUT_PERCENT;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
