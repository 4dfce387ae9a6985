package org.xinfang.insight;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.xinfang.shared.ChinaTime;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shared data's message files ({@code id, user, title, time, detail, likes}) for the offline measurements. */
final class DataFiles {

    /** One public message. */
    record Post(String id, String user, String title, String detail, Instant at, long likes) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DataFiles() {
    }

    static List<Post> posts(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("data file " + file.toAbsolutePath() + " is not there; the shared data folder "
                    + "../shared/data is needed for this measurement");
        }
        List<Post> posts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String time = field(n, "time");
                Instant at = time.isEmpty() ? Instant.EPOCH
                        : LocalDateTime.parse(time.trim(), TIME).atZone(ChinaTime.ZONE).toInstant();
                long likes = 0;
                try {
                    likes = Long.parseLong(field(n, "likes").isEmpty() ? "0" : field(n, "likes"));
                } catch (NumberFormatException e) {
                    likes = 0; // a malformed count is no support
                }
                posts.add(new Post(field(n, "id"), field(n, "user"), field(n, "title"), field(n, "detail"), at, likes));
            }
        }
        return posts;
    }

    private static String field(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).asString().strip() : "";
    }
}
