package io.uapiguard.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile corpus of the service's tests, replayed by CLIENTS threads for DURATION seconds against a running
 * service (bench/robustness.sh starts it): each thread sends the cases in turn, from its own starting point, and
 * every answer's status is counted per case. Prints one line per case with its statuses, and exits 1 if any answer
 * was a 5xx or no answer came (a dropped connection counts as "none": the service must answer, not hang up).
 *
 * <pre>HostileLoad BASE_URL REPOSITORY BASE_HEADER_FILE TOKEN CLIENTS DURATION_S [LEAVE_OUT_REGEX]</pre>
 *
 * LEAVE_OUT_REGEX leaves out the cases whose names it finds (to tell which cases cost what).
 *
 * The cases: bodies that are empty, not JSON, of the wrong shape; 5 MB field values; a 500,000-member struct;
 * patches with a huge hunk number and binary patches; a header that does not parse; locations with credentials,
 * other ports, fragments, backslashes; tag names with '/' in report links, plain and encoded; a path value of the
 * wrong type; a body trickled a byte a second, one that never arrives, and one trickled to a page that never reads
 * it (raw sockets).
 */
public final class HostileLoad {

    private record Case(String name, Sender sender) {
    }

    /** Sends one case and returns the answer's status, or -1 for no answer. */
    private interface Sender {
        int send() throws Exception;
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();

    private HostileLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6 && args.length != 7) {
            System.err.println("usage: HostileLoad BASE_URL REPOSITORY BASE_HEADER_FILE TOKEN CLIENTS DURATION_S "
                    + "[LEAVE_OUT_REGEX]");
            System.exit(2);
        }
        HostileLoad load = new HostileLoad(args[0], args[3]);
        List<Case> cases = new ArrayList<>(load.cases(args[1], Files.readString(Path.of(args[2]))));
        if (args.length == 7 && !args[6].isEmpty()) {
            java.util.regex.Pattern leaveOut = java.util.regex.Pattern.compile(args[6]);
            cases.removeIf(c -> leaveOut.matcher(c.name()).find());
        }
        int clients = Integer.parseInt(args[4]);
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c * cases.size() / clients;
            Thread thread = new Thread(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    Case next = cases.get(i % cases.size());
                    load.count(next.name(), load.status(next));
                }
            }, "hostile-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long bad = 0;
        long total = 0;
        for (Map.Entry<String, Map<Integer, AtomicLong>> entry : new TreeMap<>(load.statuses).entrySet()) {
            StringBuilder line = new StringBuilder(String.format("%-34s", entry.getKey()));
            for (Map.Entry<Integer, AtomicLong> status : new TreeMap<>(entry.getValue()).entrySet()) {
                line.append(' ').append(status.getKey() < 0 ? "none" : status.getKey()).append('×')
                        .append(status.getValue().get());
                total += status.getValue().get();
                if (status.getKey() < 0 || status.getKey() >= 500) {
                    bad += status.getValue().get();
                }
            }
            System.out.println(line);
        }
        System.out.printf("answers: %d, of which 5xx or none: %d%n", total, bad);
        System.exit(bad == 0 ? 0 : 1);
    }

    private int status(Case c) {
        try {
            return c.sender().send();
        } catch (Exception e) {
            System.err.println(c.name() + ": " + e);
            return -1;
        }
    }

    private void count(String name, int status) {
        statuses.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    private List<Case> cases(String repository, String baseHeader) {
        String huge = "x".repeat(5_000_000);
        StringBuilder wide = new StringBuilder("struct wide {\n");
        for (int i = 0; i < 500_000; i++) {
            wide.append("\tint m").append(i).append(";\n");
        }
        wide.append("};\n");
        String firstLine = baseHeader.lines().findFirst().orElse("");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("check: empty body", () -> check("")));
        cases.add(new Case("check: not JSON", () -> check("{\"repository\": \"" + repository + "\",\n oops")));
        cases.add(new Case("check: array body", () -> check("[{\"repository\": 1}]")));
        cases.add(new Case("check: header of the wrong type", () -> check("{\"repository\": \"" + repository
                + "\", \"header\": {\"text\": 1}}")));
        String hugeRepository = json(Map.of("repository", huge, "header", "int x;"));
        String hugeBase = json(Map.of("repository", repository, "base", huge, "header", "int x;"));
        String hugePath = json(Map.of("repository", repository, "path", huge, "header", "int x;"));
        String wideStruct = json(Map.of("repository", repository, "header", wide.toString()));
        String overLimit = " ".repeat(10 * 1024 * 1024 + 1);
        cases.add(new Case("check: 5 MB repository", () -> check(hugeRepository)));
        cases.add(new Case("check: 5 MB base", () -> check(hugeBase)));
        cases.add(new Case("check: 5 MB path", () -> check(hugePath)));
        cases.add(new Case("check: 500,000-member struct", () -> check(wideStruct)));
        cases.add(new Case("check: header that does not parse", () -> check(json(Map.of(
                "repository", repository, "header", "enum { A = (1 << , };")))));
        cases.add(new Case("check: hunk at -2147483647", () -> check(json(Map.of(
                "repository", repository, "patch", "--- a/include/uapi/linux/bpf.h\n+++ b/include/uapi/linux/bpf.h\n"
                        + "@@ -2147483647,1 +1,1 @@\n-" + firstLine + "\n+" + firstLine + "\n")))));
        cases.add(new Case("check: binary patch", () -> check(json(Map.of(
                "repository", repository, "patch", "diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h\n"
                        + "index 1111111..2222222 100644\nBinary files a/include/uapi/linux/bpf.h and "
                        + "b/include/uapi/linux/bpf.h differ\n")))));
        cases.add(new Case("check: body over 10 MB", () -> check(overLimit)));
        for (String location : List.of("https://user:secretpw@github.com/x/y.git", "https://github.com:8443/x.git",
                "HTTPS://github.com:2222/x.git", "https://evil.example#@github.com/x.git",
                "https://evil.example\\@github.com/x.git", "ext::sh -c id", "/" + huge)) {
            String name = "admin: location " + (location.length() > 24 ? location.substring(0, 24) : location);
            cases.add(new Case(name, () -> send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/repositories"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("name", "hostile",
                            "location", location)))))));
        }
        cases.add(new Case("admin: run id of the wrong type", () -> send(HttpRequest.newBuilder(
                URI.create(base + "/api/v1/admin/ingests/" + "9".repeat(4000))).header("Authorization", "Bearer " + token))));
        cases.add(new Case("report: tag release/v9", () -> get("/report/fixture/tags/release/v9")));
        cases.add(new Case("report: tag release%2Fv9", () -> get("/report/fixture/tags/release%2Fv9")));
        cases.add(new Case("report: tag v1;x=y", () -> get("/report/fixture/tags/"
                + URLEncoder.encode("v1;x=y", StandardCharsets.UTF_8))));
        cases.add(new Case("report: unknown 4000-char tag", () -> get("/report/fixture/tags/" + "t".repeat(4000))));
        cases.add(new Case("raw: body trickled 1 byte/s", () -> raw("POST /api/v1/checks HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", true)));
        cases.add(new Case("raw: body that never arrives", () -> raw("POST /api/v1/checks HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"repository\"", false)));
        cases.add(new Case("raw: unread body trickled", () -> raw("GET /report HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 100000\r\n\r\n", true)));
        return cases;
    }

    /** A JSON object of string fields (the cases need no more; the bench runs without Jackson on its path). */
    static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
            out.append(out.length() > 1 ? ", " : "").append(string(field.getKey())).append(": ")
                    .append(string(field.getValue()));
        }
        return out.append('}').toString();
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private int check(String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/checks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private int get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html"));
    }

    private int send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A raw request; with {@code trickle}, then a byte a second until the server answers or closes. */
    private int raw(String head, boolean trickle) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(trickle ? 1_000 : 30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < giveUp && answer.size() < 12) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    answer.write(buffer, 0, n);
                } catch (java.net.SocketTimeoutException e) {
                    if (trickle) {
                        try {
                            out.write(' ');
                            out.flush();
                        } catch (IOException closed) {
                            trickle = false;   // the server stopped reading: its answer is what is left to read
                        }
                    }
                }
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            return text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
