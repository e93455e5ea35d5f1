package org.gatepost.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One phone's signal: a TCP relay between the phone's browser context and the application
 * under test, which can be lost and regained. Playwright's offline emulation alone does not do:
 * it reaches a service worker only after the worker has started running, so a worker that
 * Chromium restarts while "offline" (to fire a Background Sync, say) can send the outbox before
 * the emulation covers it. Losing the signal here cuts every connection the context has, its
 * pages' and its service worker's alike, as the mountains cut a real phone's.
 */
final class Signal implements AutoCloseable {

    private final ServerSocket listening;
    private final InetSocketAddress server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "signal");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean lost;

    /** A relay to the application at {@code base}, listening on a free port of its own. */
    Signal(URL base) {
        try {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort());
        pumps.execute(this::accept);
    }

    /** The application's address as this phone reaches it. */
    String url() {
        return "http://127.0.0.1:" + listening.getLocalPort() + "/";
    }

    /** No signal: every open connection breaks, and every new one is closed at once. */
    void lose() {
        lost = true;
        open.forEach(Signal::closeQuietly);
    }

    void regain() {
        lost = false;
    }

    @Override
    public void close() {
        lost = true;
        closeQuietly(listening);
        open.forEach(Signal::closeQuietly);
        pumps.shutdownNow();
    }

    private void accept() {
        while (!listening.isClosed()) {
            Socket phone;
            try {
                phone = listening.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (lost) {
                closeQuietly(phone);
                continue;
            }
            pumps.execute(() -> connect(phone));
        }
    }

    private void connect(Socket phone) {
        Socket app = new Socket();
        open.add(phone);
        open.add(app);
        try {
            app.connect(server);
            pumps.execute(() -> pump(app, phone));
            pump(phone, app);
        } catch (IOException e) {
            closeQuietly(phone);
            closeQuietly(app);
        }
    }

    /** Copies one direction until either side ends; then both ends close. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (lost) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other direction, or lose(), closed the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
