package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real slow sockets against the running service on loopback (the shared full context reads a body with a 1 s
 * grace, at 1 KB/s after it, and waits 3 s for any one read: CorpusService). A client that declares a body and
 * then trickles it, or never sends it, must get a 408 problem in bounded time and free its container thread;
 * two hundred and twenty of them at once, more than the container has threads, must not keep the health check
 * from answering for longer than that. Headers over the container's limit get a 400 problem as well.
 */
class SlowClientsTest extends CorpusService {

    /** The read of a body, as CorpusService bounds it, plus the margin of a loaded machine. */
    static final Duration BOUND = Duration.ofSeconds(8);

    final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTrickling() {
        trickle.shutdownNow();
    }

    @Test
    void aBodyTricklingInIsCutWithA408Problem() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, "POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{");
            {
                trickle.scheduleAtFixedRate(() -> sendQuietly(socket, " "), 300, 300, TimeUnit.MILLISECONDS);
                String answer = answer(socket);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                        .contains("\"title\":\"Request body too slow\"").contains("Connection: close");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }

    @Test
    void aDeclaredBodyThatNeverArrivesIsA408ProblemNotTomcatsPage() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, "POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"repository\"");
            String answer = answer(socket);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("The request body stopped arriving").doesNotContainIgnoringCase("<html")
                    .contains("Content-Security-Policy: default-src 'none'");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }

    @Test
    void aTrickledBodyThatNobodyReadsDoesNotHoldTheConnection() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
            {
                trickle.scheduleAtFixedRate(() -> sendQuietly(socket, " "), 300, 300, TimeUnit.MILLISECONDS);
                assertThat(answer(socket)).startsWith("HTTP/1.1 200");
                // The container thread is free once the server has stopped reading: it closes the connection.
                assertThat(closed(socket)).as("the server closed the connection").isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }

    @Test
    void moreTricklingClientsThanContainerThreadsDoNotStopTheHealthCheckForLong() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 220; i++) {
                Socket socket = connect();
                sockets.add(socket);
                send(socket, "POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{");
            }
            trickle.scheduleAtFixedRate(() -> sockets.forEach(s -> sendQuietly(s, " ")), 500, 500,
                    TimeUnit.MILLISECONDS);
            Thread.sleep(500);   // every container thread is now reading a trickle
            long start = System.nanoTime();
            try (Socket probe = connect()) {
                send(probe, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(answer(probe)).startsWith("HTTP/1.1 200");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Tomcat refuses headers over its limit (8 KB) before any filter: its answer is a problem too, not its page. */
    @Test
    void headersOverTheServersLimitAreA400ProblemNotTomcatsPage() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}");
            String answer = answer(socket);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                    .contains("\"status\":400").contains("over the server's size limit")
                    .contains("Content-Security-Policy: default-src 'none'").contains("X-Content-Type-Options: nosniff")
                    .doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
        }
    }

    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout((int) BOUND.multipliedBy(2).toMillis());
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void sendQuietly(Socket socket, String text) {
        try {
            send(socket, text);
        } catch (IOException e) {
            // The server has closed it: what the tests wait for.
        }
    }

    /** True once the server closes the connection; false if it keeps it open past the socket's timeout. */
    static boolean closed(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // reset
        }
    }

    /** Everything the server sends until it closes the connection, or until the socket's timeout (a failure). */
    static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                // A kept-alive answer is whole once its declared length is in.
                if (end > 0 && text.endsWith("\r\n0\r\n\r\n")) {
                    break;
                }
                if (end > 0 && text.contains("Content-Length: ")) {
                    int length = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                    if (text.length() >= end + 4 + length) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + socket.getSoTimeout() + " ms; so far: " + answer, e);
        } catch (IOException e) {
            // A reset after the answer (the server closed with unread input) ends it as well.
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
