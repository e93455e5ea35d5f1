package org.gatepost.entry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.inject.Singleton;
import jakarta.persistence.PersistenceException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.gatepost.common.ProblemMapper;

/**
 * Group commit: the entries of requests that arrive together are written by one statement
 * (one round trip, one transaction, one WAL flush) instead of one statement each.
 *
 * <p><b>Why.</b> Most of what one entry costs PostgreSQL is the statement around it, not the
 * row: about 600 µs of its CPU for an entry alone against about 54 µs a row in a batch of 500
 * (issue 11). Phones at many gates send single entries at the same moments; sharing one
 * statement among them spends that cost once.
 *
 * <p><b>How.</b> Every request joins a queue. The request at its head leads: it takes the
 * requests queued at that instant, oldest first and up to {@link #MAX_ROWS} rows, runs
 * {@link EntryRepository#insert} once for all their rows, gives each request its own share of
 * the result, then wakes the new head of the queue, which leads the next statement. The other
 * requests wait, each on its own {@link Condition}, until a leader has written them or they
 * are at the head themselves. There is no timer: a request that finds nothing running leads at
 * once, so a lone entry is written as soon as it arrives, as before; a request only waits while
 * a statement is running, which is when the next one can carry more than one request.
 *
 * <p>Only small requests share: one of {@link #ALONE_FROM} rows or more (a phone's queue
 * after a long outage) already spreads its statement's cost over its rows, so it is written at
 * once by a statement of its own, as before. Queued, it would only make the single entries
 * behind it wait for its long statement, and run every batch one after another on one
 * PostgreSQL backend where they used to run side by side (measured with every request queued:
 * 500-item batches lost a third of their throughput at 4 connections, two thirds at 64).
 *
 * <p>One shared statement runs at a time per instance, on one PostgreSQL backend: merged, a
 * single entry took 60-80 µs of PostgreSQL CPU at 64 connections (bench/ingest.sh), so that
 * one backend carries over 10,000 entries/s, far above a province's busiest hour (434/s,
 * deploy/SCALING.md). A shared statement may hold several counties' entries: on Citus, group
 * per county first (see SCALING.md).
 *
 * <p><b>The promise.</b> Each request gets what {@link EntryRepository#insert} would have
 * answered it alone, and only after the statement that carried its rows has committed:
 * <ul>
 * <li>a request's rows are never split: they go into one statement, in their order;</li>
 * <li>an id sent by two requests of one statement is written once, for the request that came
 * first; the later one is told neither "created" nor "stored before", exactly as when another
 * request commits that id meanwhile, so {@link EntryService} reads the entry back and answers
 * DUPLICATE or CONFLICT;</li>
 * <li>when the shared statement fails, each request's rows are written again on their own, so
 * that one request's bad data fails that request alone, with the error it would have had alone
 * (but when the database cannot be reached at all, the whole group gets that error: writing
 * each again would only wait for it once per request).</li>
 * </ul>
 * Inside a transaction the rows are written directly in it instead (nothing records entries
 * that way today): they must commit with that transaction, not with a statement of their own.
 */
@Singleton
class GroupCommit {

    /**
     * The most rows one shared statement carries: hundreds of single entries. A larger one would
     * save little more per row, and every request in it waits for all of it.
     */
    static final int MAX_ROWS = 500;

    /** A request of this many rows or more writes them alone (see above): its statement costs it little per row. */
    static final int ALONE_FROM = 100;

    private final EntryRepository entries;

    private final ReentrantLock lock = new ReentrantLock();
    /** Requests whose rows no statement has taken yet, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** Whether a leader is running a statement. Guarded by {@link #lock}. */
    private boolean writing;

    /** For tests: statements run, and requests that came through here. */
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    GroupCommit(EntryRepository entries) {
        this.entries = entries;
    }

    /** One request's rows, and what became of them; its fields are written and read under {@link #lock}. */
    private final class Request {
        final List<EntryRow> rows;
        final Map<UUID, AlertKind> alerts;
        final Condition turn = lock.newCondition();
        /** A leader has taken these rows into its statement. */
        boolean taken;
        /** That statement has ended; then exactly one of written and failure is set. */
        boolean done;
        EntryRepository.Written written;
        RuntimeException failure;

        Request(List<EntryRow> rows, Map<UUID, AlertKind> alerts) {
            this.rows = rows;
            this.alerts = alerts;
        }
    }

    /**
     * Writes the rows (new ones by id) with their alerts, together with those of concurrent
     * requests, and answers as {@link EntryRepository#insert} does for these rows alone, once
     * the statement that carried them has committed.
     */
    EntryRepository.Written insert(List<EntryRow> rows, Map<UUID, AlertKind> alerts) {
        if (rows.isEmpty() || rows.size() >= ALONE_FROM || QuarkusTransaction.isActive()) {
            return entries.insert(rows, alerts);
        }
        requests.incrementAndGet();
        Request mine = new Request(rows, alerts);
        List<Request> group;
        lock.lock();
        try {
            queue.addLast(mine);
            // Uninterruptibly: once queued, a leader may be writing these rows at any moment, and
            // the request must not answer before it knows whether they were committed.
            while (!mine.taken && (writing || queue.peekFirst() != mine)) {
                mine.turn.awaitUninterruptibly();
            }
            if (mine.taken) {
                while (!mine.done) {
                    mine.turn.awaitUninterruptibly();
                }
                return answer(mine, false);
            }
            group = take();
            writing = true;
        } finally {
            lock.unlock();
        }
        // Leading. The statement runs without the lock, so that requests arriving meanwhile can
        // queue up for the next one.
        try {
            write(group);
        } finally {
            lock.lock();
            try {
                writing = false;
                for (Request request : group) {
                    if (request.written == null && request.failure == null) {
                        // write() itself failed (an Error): nobody in the group may take that for success
                        request.failure = new PersistenceException("The statement carrying these entries did not complete");
                    }
                    request.done = true;
                    request.turn.signal();
                }
                Request next = queue.peekFirst();
                if (next != null) {
                    next.turn.signal();
                }
            } finally {
                lock.unlock();
            }
        }
        return answer(mine, true);
    }

    /** The requests at the head of the queue, up to the bound (the first one even beyond it), taken out of it. */
    private List<Request> take() {
        List<Request> group = new ArrayList<>();
        int rows = 0;
        while (!queue.isEmpty() && (group.isEmpty() || rows + queue.peekFirst().rows.size() <= MAX_ROWS)) {
            Request request = queue.pollFirst();
            request.taken = true;
            rows += request.rows.size();
            group.add(request);
        }
        return group;
    }

    /** Runs the group's statement and sets every request's outcome; throws only an Error. */
    private void write(List<Request> group) {
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        // One row per id, from the first request that sent it: the statement would otherwise
        // report the id created to every request that sent it.
        Map<UUID, Request> writer = new HashMap<>();
        List<EntryRow> rows = new ArrayList<>();
        Map<UUID, AlertKind> alerts = new HashMap<>();
        for (Request request : group) {
            for (EntryRow row : request.rows) {
                if (writer.putIfAbsent(row.id(), request) == null) {
                    rows.add(row);
                    AlertKind alert = request.alerts.get(row.id());
                    if (alert != null) {
                        alerts.put(row.id(), alert);
                    }
                }
            }
        }
        EntryRepository.Written all;
        try {
            statements.incrementAndGet();
            all = entries.insert(rows, alerts);
        } catch (RuntimeException e) {
            if (ProblemMapper.databaseUnavailable(e)) {
                group.forEach(request -> request.failure = e);
            } else {
                // Somebody's rows broke the statement (nothing of it was committed): each request
                // again on its own, so that only its own rows can fail it.
                group.forEach(this::alone);
            }
            return;
        }
        for (Request request : group) {
            EntryRepository.Written own = new EntryRepository.Written(new HashMap<>(), new HashMap<>());
            for (EntryRow row : request.rows) {
                Optional<UUID> shift = all.created().get(row.id());
                if (shift != null && writer.get(row.id()) == request) {
                    own.created().put(row.id(), shift);
                }
                EntryRow stored = all.existing().get(row.id());
                if (stored != null) {
                    own.existing().put(row.id(), stored);
                }
            }
            request.written = own;
        }
    }

    private void alone(Request request) {
        try {
            statements.incrementAndGet();
            request.written = entries.insert(request.rows, request.alerts);
        } catch (RuntimeException e) {
            request.failure = e;
        }
    }

    private static EntryRepository.Written answer(Request request, boolean led) {
        if (request.failure == null) {
            return request.written;
        }
        // Thrown again in this request's own thread: wrapped, so that its trace shows where this
        // request was; the cause (with its SQL state) is what the error mapping reads.
        throw led ? request.failure : new PersistenceException(request.failure.getMessage(), request.failure);
    }

    /** For tests: requests waiting for a statement to take them. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** For tests: statements run so far (shared ones and those a request ran alone). */
    long statements() {
        return statements.get();
    }

    /** For tests: requests that came through here so far. */
    long requests() {
        return requests.get();
    }
}
