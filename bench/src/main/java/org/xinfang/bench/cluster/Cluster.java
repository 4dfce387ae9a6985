package org.xinfang.bench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Several Xinfang nodes on one PostgreSQL behind nginx, all on loopback, each a process of its own:
 * <ul>
 * <li>PostgreSQL 17 from the zonky binaries the application already bundles, started on its own data
 * folder and a fixed port, so it can be stopped and started again under the running nodes;</li>
 * <li>N application nodes ({@code java -cp <this class path> org.xinfang.XinfangApplication}) with the
 * production settings of the README ({@code XINFANG_DB_URL}, one key file for all, {@code XINFANG_DEMO=true}
 * to seed the demo city once);</li>
 * <li>Debian's nginx ({@code apt-get install -y nginx-light}) balancing round robin over them.</li>
 * </ul>
 * Everything lives under one work folder (logs of each node and of nginx included).
 */
final class Cluster implements AutoCloseable {

    final Path dir;
    final int pgPort;
    final int lbPort;
    final int[] nodePorts;
    private final Map<String, String> extraEnv;
    private final List<String> extraJvm;
    private EmbeddedPostgres postgres;
    private final Process[] nodes;
    private Process nginx;

    Cluster(Path dir, int nodeCount, Map<String, String> extraEnv, List<String> extraJvm) throws IOException {
        this.dir = dir.toAbsolutePath();
        this.extraEnv = extraEnv;
        this.extraJvm = extraJvm;
        if (Files.exists(this.dir)) {
            try (Stream<Path> walk = Files.walk(this.dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(this.dir.resolve("logs"));
        this.pgPort = freePort();
        this.lbPort = freePort();
        this.nodePorts = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodePorts[i] = freePort();
        }
        this.nodes = new Process[nodeCount];
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = this.dir.resolve("master.key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    // ---- PostgreSQL ----

    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(90))
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost")
                // durable, as the application's own embedded database and any production server: zonky's test
                // defaults (fsync off, asynchronous commit) would let the outage below lose what it must not
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    /** Stops PostgreSQL (fast shutdown: open transactions are rolled back, clients are disconnected). */
    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    // ---- nodes ----

    void startNode(int i) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(extraJvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.xinfang.XinfangApplication");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/node" + (i + 1) + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("XINFANG_DB_URL", jdbcUrl());
        env.put("XINFANG_DB_USER", "postgres");
        env.put("XINFANG_DB_PASSWORD", "");
        env.put("XINFANG_DB_POOL_SIZE", "10");
        env.put("XINFANG_DEMO", "true");
        env.put("XINFANG_CRYPTO_KEY_FILE", dir.resolve("master.key").toString());
        env.put("XINFANG_PORT", Integer.toString(nodePorts[i]));
        env.put("XINFANG_DATA_DIR", dir.resolve("node" + (i + 1)).toString());
        // the load comes from loopback through nginx: not a citizen to be limited
        env.put("XINFANG_PORTAL_LIMITS_TRUSTED_ADDRESSES", "127.0.0.1,0:0:0:0:0:0:0:1");
        env.putAll(extraEnv);
        nodes[i] = pb.start();
    }

    /** SIGKILL: no shutdown hook, no orderly close, exactly like a power cut of that node. */
    void killNode(int i) throws InterruptedException {
        nodes[i].destroyForcibly();
        nodes[i].waitFor();
    }

    void stopNode(int i) throws InterruptedException {
        if (nodes[i] != null && nodes[i].isAlive()) {
            nodes[i].destroy();
            if (!nodes[i].waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                nodes[i].destroyForcibly().waitFor();
            }
        }
    }

    /** Waits until the node answers its login page. */
    void awaitNode(int i, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!nodes[i].isAlive()) {
                throw new IllegalStateException("node " + (i + 1) + " exited; see " + dir.resolve("logs/node" + (i + 1) + ".log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(nodeUrl(i) + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + (i + 1) + " did not come up in " + timeout);
    }

    String nodeUrl(int i) {
        return "http://localhost:" + nodePorts[i];
    }

    // ---- nginx ----

    void startNginx() throws IOException, InterruptedException {
        Path conf = dir.resolve("nginx.conf");
        Files.createDirectories(dir.resolve("nginx-tmp"));
        StringBuilder upstream = new StringBuilder();
        for (int port : nodePorts) {
            upstream.append("    server 127.0.0.1:").append(port).append(" max_fails=1 fail_timeout=3s;\n");
        }
        String tmp = dir.resolve("nginx-tmp").toString();
        Files.writeString(conf, """
                # generated by org.xinfang.bench.cluster.Cluster: round robin over the nodes on loopback
                worker_processes 1;
                daemon off;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/nginx-error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_max_body_size 60m;
                  client_body_temp_path %2$s/body;
                  proxy_temp_path %2$s/proxy;
                  fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi;
                  scgi_temp_path %2$s/scgi;
                  upstream xinfang {
                %3$s    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%4$d;
                    location / {
                      proxy_pass http://xinfang;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      # a node that refuses the connection is skipped; a request already sent is never
                      # replayed on another node (POSTs are not idempotent; the client retries with its key)
                      proxy_next_upstream error timeout;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 60s;
                    }
                  }
                }
                """.formatted(dir, tmp, upstream, lbPort));
        nginx = new ProcessBuilder(nginxBinary(), "-p", dir.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/nginx.log").toFile()))
                .start();
        Thread.sleep(1000);
        if (!nginx.isAlive()) {
            throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/nginx.log")));
        }
    }

    String lbUrl() {
        return "http://localhost:" + lbPort;
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed: apt-get install -y nginx-light");
    }

    @Override
    public void close() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        for (int i = 0; i < nodes.length; i++) {
            stopNode(i);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
