package io.uapiguard.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
 * <pre>java -cp target/test-classes io.uapiguard.bench.CheckLoad URL BODY_FILES RATE_PER_S CLIENTS SECONDS [WARMUP_S]</pre>
 *
 * {@code BODY_FILES}: JSON bodies separated by {@code :}, each ending in the header's string; a client sends them in
 * turn, each time with a comment of its own appended to the header ({@link Bodies}), so that every check is a new
 * candidate to the service, as a bot's patches are. Prints the requests sent, the rate achieved, latency
 * percentiles and the errors (a status other than 200, or no answer within 10 s). Each client writes on a plain
 * kept-alive socket, so the generator takes little of the machine it shares with the service. With
 * {@code UAPIGUARD_BENCH_TIMELINE=FILE} in the environment it also writes each answered check's due time (ms since the
 * run's start, wall clock since the epoch on the first line) and latency, one per line: where the slow ones cluster.
 * {@code WARMUP_S} (default 0): seconds of the same schedule sent first and not counted: a service that sat idle
 * before the run (another build measured meanwhile) holds up the checks of its first second, all of them in some
 * runs, which is not the sustained rate being measured.
 */
public final class CheckLoad {

    /**
     * What one run measured. Latencies in nanoseconds, sorted; {@code timeline}: each answered check's due time since
     * the start and its latency, in nanoseconds, in pairs, client by client.
     */
    record Result(long[] latencies, long errors, double seconds, long[] timeline, long warmUpChecks) {

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
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: CheckLoad URL BODY_FILES RATE_PER_S CLIENTS SECONDS [WARMUP_S]");
            System.exit(2);
        }
        List<byte[]> bodies = new ArrayList<>();
        for (String file : args[1].split(":")) {
            bodies.add(Files.readAllBytes(Path.of(file)));
        }
        Duration warmUp = Duration.ofSeconds(args.length == 6 ? Long.parseLong(args[5]) : 0);
        long epochMillis = System.currentTimeMillis() + warmUp.toMillis();
        Result r = run(URI.create(args[0]), new Bodies(bodies), Double.parseDouble(args[2]), Integer.parseInt(args[3]),
                warmUp, Duration.ofSeconds(Long.parseLong(args[4])));
        if (!warmUp.isZero()) {
            System.out.printf(Locale.ROOT, "warm-up: %d s of the same schedule before, not counted%nwarmup_requests=%d%n",
                    warmUp.toSeconds(), r.warmUpChecks());
        }
        System.out.print(r.report());
        String timeline = System.getenv("UAPIGUARD_BENCH_TIMELINE");
        if (timeline != null && !timeline.isBlank()) {
            StringBuilder out = new StringBuilder("# due_ms latency_ms; started about " + epochMillis + " ms\n");
            for (int i = 0; i + 1 < r.timeline().length; i += 2) {
                out.append(String.format(Locale.ROOT, "%.1f %.2f%n", r.timeline()[i] / 1e6, r.timeline()[i + 1] / 1e6));
            }
            Files.writeString(Path.of(timeline), out);
        }
    }

    /** Sends {@code rate} requests per second in total from {@code clients} threads for {@code duration}. */
    static Result run(URI uri, Bodies bodies, double rate, int clients, Duration duration) throws InterruptedException {
        return run(uri, bodies, rate, clients, Duration.ZERO, duration);
    }

    /**
     * {@link #run(URI, Bodies, double, int, Duration)} after {@code warmUp} of the same schedule, whose checks are
     * sent and answered but neither counted nor timed; due times count from the end of the warm-up.
     */
    static Result run(URI uri, Bodies bodies, double rate, int clients, Duration warmUp, Duration duration)
            throws InterruptedException {
        if (!(rate > 0) || clients < 1 || duration.isNegative() || warmUp.isNegative() || uri.getPort() < 0) {
            throw new IllegalArgumentException("need a rate > 0, clients >= 1, a duration and a warm-up >= 0 and a URL"
                    + " with a port: " + rate + ", " + clients + ", " + duration + ", " + warmUp + ", " + uri);
        }
        long period = (long) (clients * 1e9 / rate);   // each client's interval between due times
        long scheduled = System.nanoTime() + 100_000_000L;
        long start = scheduled + warmUp.toNanos();
        long end = start + duration.toNanos();
        long[][] perClient = new long[clients][];
        long[][] timelines = new long[clients][];
        AtomicLong errors = new AtomicLong();
        AtomicLong warmUpChecks = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            long first = scheduled + period * c / clients;   // staggered, so that the total rate is even
            int slot = c;
            threads[c] = new Thread(() -> {
                long[] timeline = client(uri, bodies, slot, first, period, end, errors, warmUpChecks, start);
                timelines[slot] = timeline;
                long[] latencies = new long[timeline.length / 2];
                for (int i = 0; i < latencies.length; i++) {
                    latencies[i] = timeline[2 * i + 1];
                }
                perClient[slot] = latencies;
            }, "load-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = Arrays.stream(perClient).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return new Result(all, errors.get(), (System.nanoTime() - start) / 1e9,
                Arrays.stream(timelines).flatMapToLong(Arrays::stream).toArray(), warmUpChecks.get());
    }

    /** Each answered check's due time since {@code start} and its latency, in pairs. */
    private static long[] client(URI uri, Bodies bodies, int client, long first, long period, long end,
                                 AtomicLong errors, AtomicLong warmUpChecks, long start) {
        long[] timeline = new long[2048];
        int n = 0;
        Connection connection = null;
        for (long due = first, sent = 0; due < end; due += period, sent++) {
            byte[][] body = bodies.parts(client, sent);
            byte[] head = requestHead(uri, body);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);   // again if it woke early: never send before the check is due
            }
            boolean counted = due >= start;   // not one of the warm-up's
            if (!counted) {
                warmUpChecks.incrementAndGet();
            }
            try {
                if (connection == null) {
                    connection = new Connection(uri);
                }
                int status = connection.exchange(head, body);
                if (connection.closed) {
                    connection = Connection.close(connection);   // the server's keep-alive limit: reconnect
                }
                if (status != 200) {
                    if (counted) {
                        errors.incrementAndGet();
                    }
                    continue;
                }
            } catch (IOException | RuntimeException e) {   // a malformed answer too: counted, not fatal
                if (counted) {
                    errors.incrementAndGet();
                }
                connection = Connection.close(connection);
                continue;
            }
            if (!counted) {
                continue;
            }
            if (n == timeline.length) {
                timeline = Arrays.copyOf(timeline, n * 2);
            }
            timeline[n++] = due - start;
            timeline[n++] = System.nanoTime() - due;
        }
        Connection.close(connection);
        return Arrays.copyOf(timeline, n);
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
            byte[][] parts = parts(client, sent);
            byte[] body = Arrays.copyOf(parts[0], parts[0].length + parts[1].length + parts[2].length);
            System.arraycopy(parts[1], 0, body, parts[0].length, parts[1].length);
            System.arraycopy(parts[2], 0, body, parts[0].length + parts[1].length, parts[2].length);
            return body;
        }

        /**
         * {@link #next} as the parts that make it, in order (the body up to the header's end, the comment, the rest):
         * written one after the other, so that no 300 KB body is copied for each request.
         */
        byte[][] parts(int client, long sent) {
            int i = (int) ((client + sent) % heads.size());
            byte[] comment = ("\\n/* uapiguard-bench " + run + "-" + client + "-" + sent + " */\\n")
                    .getBytes(StandardCharsets.US_ASCII);
            return new byte[][] {heads.get(i), comment, tails.get(i)};
        }
    }

    /** The request's line and headers for a body of these parts. */
    private static byte[] requestHead(URI uri, byte[][] body) {
        long length = 0;
        for (byte[] part : body) {
            length += part.length;
        }
        return ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
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
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        /**
         * Sends the request (its head, then the body's parts, through one buffer: the generator must cost the machine as
         * little as wrk does), reads the answer, returns its status.
         */
        int exchange(byte[] head, byte[][] body) throws IOException {
            out.write(head);
            for (byte[] part : body) {
                out.write(part);
            }
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
