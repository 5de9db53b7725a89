package io.uapiguard.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for {@code bench/load.sh}: {@code clients} connections POST checks at a fixed total
 * rate, each on its own schedule, and a latency is counted from when its request was due, not from when it could be
 * sent, so a slow answer also charges the requests it held up (no coordinated omission, which a closed-loop tool
 * such as wrk has by design).
 *
 * <pre>java -cp target/test-classes io.uapiguard.bench.CheckLoad URL BODY_FILES RATE_PER_S CLIENTS SECONDS</pre>
 *
 * {@code BODY_FILES}: JSON bodies separated by {@code :}, each ending in the header's string; a client sends them in
 * turn, each time with a comment of its own appended to the header ({@link Bodies}), so that every check is a new
 * candidate to the service, as a bot's patches are. Prints the requests sent, the rate achieved, latency
 * percentiles and the errors (a status other than 200, or no answer within 10 s). Each client writes on a plain
 * kept-alive socket, so the generator takes little of the machine it shares with the service.
 */
public final class CheckLoad {

    /** What one run measured. Latencies in nanoseconds, sorted. */
    record Result(long[] latencies, long errors, double seconds) {

        long percentile(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))];
        }

        String report() {
            return String.format(Locale.ROOT, "requests=%d duration_s=%.1f rate_per_s=%.1f%n"
                            + "latency_ms p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%nerrors=%d%n",
                    latencies.length + errors, seconds, (latencies.length + errors) / seconds,
                    ms(percentile(50)), ms(percentile(90)), ms(percentile(99)), ms(percentile(99.9)),
                    ms(percentile(100)), errors);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private CheckLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CheckLoad URL BODY_FILES RATE_PER_S CLIENTS SECONDS");
            System.exit(2);
        }
        List<byte[]> bodies = new ArrayList<>();
        for (String file : args[1].split(":")) {
            bodies.add(Files.readAllBytes(Path.of(file)));
        }
        Result r = run(URI.create(args[0]), new Bodies(bodies), Double.parseDouble(args[2]), Integer.parseInt(args[3]),
                Duration.ofSeconds(Long.parseLong(args[4])));
        System.out.print(r.report());
    }

    /** Sends {@code rate} requests per second in total from {@code clients} threads for {@code duration}. */
    static Result run(URI uri, Bodies bodies, double rate, int clients, Duration duration) throws InterruptedException {
        if (!(rate > 0) || clients < 1 || duration.isNegative() || uri.getPort() < 0) {
            throw new IllegalArgumentException("need a rate > 0, clients >= 1, a duration >= 0 and a URL with a "
                    + "port: " + rate + ", " + clients + ", " + duration + ", " + uri);
        }
        long period = (long) (clients * 1e9 / rate);   // each client's interval between due times
        long start = System.nanoTime() + 100_000_000L;
        long end = start + duration.toNanos();
        long[][] perClient = new long[clients][];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            long first = start + period * c / clients;   // staggered, so that the total rate is even
            int slot = c;
            threads[c] = new Thread(() -> perClient[slot] = client(uri, bodies, slot, first, period, end, errors), "load-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = Arrays.stream(perClient).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return new Result(all, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static long[] client(URI uri, Bodies bodies, int client, long first, long period, long end,
                                 AtomicLong errors) {
        long[] latencies = new long[1024];
        int n = 0;
        Connection connection = null;
        for (long due = first, sent = 0; due < end; due += period, sent++) {
            byte[] request = request(uri, bodies.next(client, sent));
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);   // again if it woke early: never send before the check is due
            }
            try {
                if (connection == null) {
                    connection = new Connection(uri);
                }
                int status = connection.exchange(request);
                if (connection.closed) {
                    connection = Connection.close(connection);   // the server's keep-alive limit: reconnect
                }
                if (status != 200) {
                    errors.incrementAndGet();
                    continue;
                }
            } catch (IOException | RuntimeException e) {   // a malformed answer too: counted, not fatal
                errors.incrementAndGet();
                connection = Connection.close(connection);
                continue;
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = System.nanoTime() - due;
        }
        Connection.close(connection);
        return Arrays.copyOf(latencies, n);
    }

    /**
     * The bodies a run sends: client {@code c}'s {@code n}-th request is body {@code (c + n) mod size}, its header
     * ended by a comment naming the client and the count, so that no two requests of a run are alike.
     */
    static final class Bodies {
        private final List<byte[]> heads = new ArrayList<>();
        private final List<byte[]> tails = new ArrayList<>();
        private final String run = Long.toString(System.currentTimeMillis());

        /** Each body a JSON object whose last value is the header's string: it must end in {@code "}}. */
        Bodies(List<byte[]> bodies) {
            if (bodies.isEmpty()) {
                throw new IllegalArgumentException("no body to send");
            }
            for (byte[] body : bodies) {
                int end = body.length;
                while (end > 0 && Character.isWhitespace(body[end - 1])) {
                    end--;
                }
                if (end < 2 || body[end - 2] != '"' || body[end - 1] != '}') {
                    throw new IllegalArgumentException("a body must end with the header's string: "
                            + new String(body, Math.max(0, end - 20), Math.min(end, 20), StandardCharsets.UTF_8));
                }
                heads.add(Arrays.copyOf(body, end - 2));
                tails.add(Arrays.copyOfRange(body, end - 2, end));
            }
        }

        byte[] next(int client, long sent) {
            int i = (int) ((client + sent) % heads.size());
            byte[] comment = ("\\n/* uapiguard-bench " + run + "-" + client + "-" + sent + " */\\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] head = heads.get(i);
            byte[] tail = tails.get(i);
            byte[] body = Arrays.copyOf(head, head.length + comment.length + tail.length);
            System.arraycopy(comment, 0, body, head.length, comment.length);
            System.arraycopy(tail, 0, body, head.length + comment.length, tail.length);
            return body;
        }
    }

    /** The whole request, written once: the generator must cost the machine as little as wrk does. */
    private static byte[] request(URI uri, byte[] body) {
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    /**
     * One kept-alive HTTP/1.1 connection; answers are read to their end (Content-Length or chunked) and dropped.
     * A server that ends the connection after an answer (Tomcat does after 100 requests) gets a new one.
     */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final BufferedInputStream in;
        /** The last answer said {@code Connection: close}. */
        boolean closed;

        Connection(URI uri) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        /** Sends the request, reads the answer, returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    in.skipNBytes(size);   // an EOFException when the connection closes mid-answer
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            closed = close;
            return Integer.parseInt(parts[1]);
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        static Connection close(Connection c) {
            if (c != null) {
                try {
                    c.socket.close();
                } catch (IOException ignored) {
                    // closing after an error: nothing left to do
                }
            }
            return null;
        }
    }
}
