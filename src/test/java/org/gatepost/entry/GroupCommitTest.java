package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.visitor;
import static org.gatepost.testing.Entries.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Contention;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that record entries at the same moment share one statement (see {@link GroupCommit}),
 * and each still gets what it would have got alone. The moment is made, not hoped for: the
 * first request's statement is held inside PostgreSQL (the test's own uncommitted insert of
 * the same id makes it wait), the others queue up behind it one by one, in a known order, and
 * are written together once it is let go.
 */
@QuarkusTest
class GroupCommitTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    @Inject
    GroupCommit groupCommit;

    World world;
    String volunteerA;
    String volunteerB;
    String cadreA;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteerA = fixtures.token(world.volunteerA());
        volunteerB = fixtures.token(world.volunteerB());
        cadreA = fixtures.token(world.cadreA());
    }

    @Test
    void concurrentRequestsOfSeveralVolunteersShareAStatementEachWithItsOwnOutcomes() throws Exception {
        Map<String, Object> known = resident(world.checkpointB1());
        as(volunteerB).body(known).post("/api/v1/entries").then().statusCode(201);
        long statements;
        long requests;

        Map<String, Object> first = resident(world.checkpointA1());
        Map<String, Object> single = with(resident(world.checkpointA2()), "direction", "OUT");
        Map<String, Object> visitorOfB = visitor(world.checkpointB1());
        Map<String, Object> red = with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED");
        List<Map<String, Object>> batch = List.of(resident(world.checkpointA2()), red, resident(world.checkpointB1()),
                with(resident(world.checkpointA1()), "partySize", 3));
        List<Map<String, Object>> cadresBatch = List.of(resident(world.checkpointA1()), resident(world.checkpointA2()));
        List<Map<String, Object>> more = new ArrayList<>();
        try (Held held = holdingTheStatementOf(volunteerA, first)) {
            statements = groupCommit.statements();
            requests = groupCommit.requests();
            Future<Response> singleAnswer = held.queue(() -> post(volunteerA, single));
            Future<Response> visitorAnswer = held.queue(() -> post(volunteerB, visitorOfB));
            Future<Response> batchAnswer = held.queue(() -> postBatch(volunteerA, batch));
            Future<Response> resent = held.queue(() -> post(volunteerB, known));
            Future<Response> reused = held.queue(() -> post(volunteerB, with(known, "partySize", 4)));
            Future<Response> cadresAnswer = held.queue(() -> postBatch(cadreA, cadresBatch));
            List<Future<Response>> moreAnswers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean a = i % 2 == 0;
                Map<String, Object> entry = resident(a ? world.checkpointA1() : world.checkpointB1());
                more.add(entry);
                moreAnswers.add(held.queue(() -> post(a ? volunteerA : volunteerB, entry)));
            }
            held.release();

            assertEquals(201, held.first().statusCode());
            Response answer = singleAnswer.get(30, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode());
            assertEquals(single.get("id"), answer.path("id"));
            assertEquals("OUT", answer.path("direction"));
            assertEquals(world.volunteerA().id.toString(), answer.path("recordedBy"));
            answer = visitorAnswer.get(30, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode());
            assertEquals(world.volunteerB().id.toString(), answer.path("recordedBy"));
            assertTrue(answer.<String>path("visitor.phone").endsWith("5678"), "the visitor's village sees its details");
            answer = batchAnswer.get(30, TimeUnit.SECONDS);
            assertEquals(List.of("CREATED", "CREATED", "REJECTED", "CREATED"), answer.path("results.status"));
            assertEquals(batch.stream().map(e -> e.get("id")).toList(), answer.path("results.id"));
            assertEquals("checkpointId", answer.path("results[2].problem.errors[0].field"));
            answer = resent.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertEquals(known.get("id"), answer.path("id"));
            assertEquals(409, reused.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(List.of("CREATED", "CREATED"), cadresAnswer.get(30, TimeUnit.SECONDS).path("results.status"));
            for (Future<Response> more1 : moreAnswers) {
                assertEquals(201, more1.get(30, TimeUnit.SECONDS).statusCode());
            }
        }
        // One statement for all twelve requests queued behind the held one.
        assertEquals(1, groupCommit.statements() - statements);
        assertEquals(12, groupCommit.requests() - requests);

        // seed, first, single, three of the batch, the cadre's two, three more
        assertEquals(11L, storedIn(world.villageA()));
        assertEquals(11L, exactCountIn(world.villageA()));
        // known, the visitor, three more
        assertEquals(5L, storedIn(world.villageB()));
        assertEquals(5L, exactCountIn(world.villageB()));
        assertEquals(3, ((Number) fixtures.sql("SELECT party_size FROM entry WHERE id = CAST(:id AS uuid)",
                Map.of("id", batch.get(3).get("id")))).intValue());
        assertEquals(1, ((Number) fixtures.sql("SELECT party_size FROM entry WHERE id = CAST(:id AS uuid)",
                Map.of("id", known.get("id")))).intValue());
        assertEquals(world.cadreA().id, fixtures.sql("SELECT recorded_by FROM entry WHERE id = CAST(:id AS uuid)",
                Map.of("id", cadresBatch.get(1).get("id"))));
        assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM alert WHERE entry_id = CAST(:id AS uuid)",
                Map.of("id", red.get("id")))).longValue(), "the red code's alert, once");
        assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM alert WHERE village_id = :village",
                Map.of("village", world.villageA().id))).longValue());
    }

    @Test
    void theSameIdFromRequestsSharingAStatementIsCreatedOnceThenDuplicateOrConflict() throws Exception {
        Map<String, Object> entry = resident(world.checkpointA2());
        try (Held held = holdingTheStatementOf(volunteerA, resident(world.checkpointA1()))) {
            Future<Response> firstToSend = held.queue(() -> post(volunteerA, entry));
            Future<Response> sameAgain = held.queue(() -> postBatch(volunteerA, List.of(entry, resident(world.checkpointA1()))));
            Future<Response> otherContent = held.queue(() -> post(volunteerA, with(entry, "temperature", 36.9)));
            Future<Response> fromAnotherVillage = held.queue(() -> post(volunteerB, with(entry, "checkpointId",
                    world.checkpointB1().id.toString())));
            held.release();

            assertEquals(201, firstToSend.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(List.of("DUPLICATE", "CREATED"), sameAgain.get(30, TimeUnit.SECONDS).path("results.status"));
            assertEquals(409, otherContent.get(30, TimeUnit.SECONDS).statusCode());
            // another county would be another entry; the same county's id is already taken
            assertEquals(409, fromAnotherVillage.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE id = CAST(:id AS uuid)",
                Map.of("id", entry.get("id")))).longValue());
        assertEquals(36.5, ((Number) fixtures.sql("SELECT temperature FROM entry WHERE id = CAST(:id AS uuid)",
                Map.of("id", entry.get("id")))).doubleValue());
        assertEquals(0L, storedIn(world.villageB()));
        assertEquals(4L, exactCountIn(world.villageA()));
    }

    @Test
    void aStatementThatFailsForOneRequestsDataIsWrittenAgainRequestByRequest() throws Exception {
        // Data the service lets through and PostgreSQL refuses: stands in for any such bug.
        execute("ALTER TABLE entry ADD CONSTRAINT group_commit_test_poison CHECK (note IS DISTINCT FROM 'poison') NOT VALID");
        try {
            List<Map<String, Object>> good = List.of(resident(world.checkpointA1()), resident(world.checkpointA2()));
            Map<String, Object> poisoned = with(resident(world.checkpointA1()), "note", "poison");
            Map<String, Object> alsoGood = resident(world.checkpointB1());
            long statements;
            try (Held held = holdingTheStatementOf(volunteerA, resident(world.checkpointA1()))) {
                statements = groupCommit.statements();
                Future<Response> goodAnswer = held.queue(() -> postBatch(volunteerA, good));
                Future<Response> poisonedAnswer = held.queue(() -> post(volunteerA, poisoned));
                Future<Response> alsoGoodAnswer = held.queue(() -> post(volunteerB, alsoGood));
                held.release();

                assertEquals(List.of("CREATED", "CREATED"), goodAnswer.get(30, TimeUnit.SECONDS).path("results.status"));
                Response refused = poisonedAnswer.get(30, TimeUnit.SECONDS);
                assertEquals(422, refused.statusCode(), refused.asString());
                assertEquals("application/problem+json", refused.contentType());
                assertEquals(201, alsoGoodAnswer.get(30, TimeUnit.SECONDS).statusCode());
            }
            // the shared statement that failed, then each of its three requests alone (the
            // held one was counted before)
            assertEquals(4, groupCommit.statements() - statements);
            assertEquals(0L, ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE id = CAST(:id AS uuid)",
                    Map.of("id", poisoned.get("id")))).longValue());
            // seed, the held one, the good two
            assertEquals(4L, storedIn(world.villageA()));
            assertEquals(4L, exactCountIn(world.villageA()));
            assertEquals(1L, storedIn(world.villageB()));
        } finally {
            execute("ALTER TABLE entry DROP CONSTRAINT group_commit_test_poison");
        }
    }

    @Test
    void aStatementCarriesAtMostItsBoundOfRowsAndNeverSplitsARequest() throws Exception {
        // six requests of 99 rows: five of them fill a statement (495 rows), the sixth starts the next
        int size = GroupCommit.ALONE_FROM - 1;
        assertEquals(500, GroupCommit.MAX_ROWS);
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            batches.add(residents(size));
        }
        List<Map<String, Object>> large = residents(GroupCommit.ALONE_FROM);
        long statements;
        try (Held held = holdingTheStatementOf(volunteerA, resident(world.checkpointA1()))) {
            statements = groupCommit.statements();
            List<Future<Response>> answers = new ArrayList<>();
            for (List<Map<String, Object>> batch : batches) {
                answers.add(held.queue(() -> postBatch(volunteerA, batch)));
            }
            // A large batch queues behind nobody: written at once by its own statement.
            Response alone = postBatch(volunteerA, large);
            assertTrue(alone.<List<String>>path("results.status").stream().allMatch("CREATED"::equals));
            assertEquals(6, groupCommit.queued());
            held.release();
            for (int b = 0; b < batches.size(); b++) {
                Response answer = answers.get(b).get(60, TimeUnit.SECONDS);
                assertEquals(batches.get(b).stream().map(e -> e.get("id")).toList(), answer.path("results.id"));
                assertTrue(answer.<List<String>>path("results.status").stream().allMatch("CREATED"::equals));
            }
        }
        assertEquals(2, groupCommit.statements() - statements);
        assertEquals(2L + 6 * size + GroupCommit.ALONE_FROM, storedIn(world.villageA()));
        // Each request's rows in one statement (so one transaction), in their order; five requests in the first.
        List<Object> transactions = new ArrayList<>();
        for (List<Map<String, Object>> batch : batches) {
            assertEquals(1L, ((Number) fixtures.sql("SELECT count(DISTINCT written_xid) FROM entry WHERE id IN (CAST(:a AS uuid), "
                    + "CAST(:b AS uuid))", Map.of("a", batch.get(0).get("id"), "b", batch.get(size - 1).get("id")))).longValue());
            transactions.add(fixtures.sql("SELECT CAST(written_xid AS text) FROM entry WHERE id = CAST(:a AS uuid)",
                    Map.of("a", batch.get(0).get("id"))));
        }
        assertEquals(1, transactions.subList(0, 5).stream().distinct().count(), transactions.toString());
        assertTrue(!transactions.get(5).equals(transactions.get(0)));
    }

    private List<Map<String, Object>> residents(int count) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(resident(i % 2 == 0 ? world.checkpointA1() : world.checkpointA2()));
        }
        return entries;
    }

    @Test
    void aLoneRequestIsWrittenAtOnceByItsOwnStatement() {
        long statements = groupCommit.statements();
        as(volunteerA).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        assertEquals(1, groupCommit.statements() - statements);
        assertEquals(0, groupCommit.queued());
    }

    /**
     * The first request's statement held inside PostgreSQL: the test inserts, uncommitted, a
     * copy of a stored entry under that request's id, so the request's insert waits for the
     * test's transaction; it ends (rolled back, so the request creates its entry) on release.
     */
    private Held holdingTheStatementOf(String token, Map<String, Object> first) throws Exception {
        Map<String, Object> seed = resident(world.checkpointA1());
        as(volunteerA).body(seed).post("/api/v1/entries").then().statusCode(201);
        Contention held = Contention.hold(database, """
                INSERT INTO entry SELECT (jsonb_populate_record(e, jsonb_build_object('id', CAST(? AS text)))).*
                FROM entry e WHERE e.id = CAST(? AS uuid)
                """, first.get("id"), seed.get("id"));
        Future<Response> leader = held.start(() -> post(token, first));
        held.awaitWaiting(1, leader);
        if (leader.isDone()) {
            throw new IllegalStateException("the first request was not held: " + leader.get().statusCode());
        }
        return new Held(held, leader);
    }

    /** The held first request, and the requests queued behind it in the order started. */
    private final class Held implements AutoCloseable {
        private final Contention contention;
        private final Future<Response> first;

        Held(Contention contention, Future<Response> first) {
            this.contention = contention;
            this.first = first;
        }

        /** Starts a request and returns once it waits in the group commit's queue. */
        Future<Response> queue(Supplier<Response> request) throws InterruptedException {
            int before = groupCommit.queued();
            Future<Response> answer = contention.start(request);
            for (int tries = 0; tries < 3000 && groupCommit.queued() <= before; tries++) {
                if (answer.isDone()) {
                    throw new IllegalStateException("answered without waiting for the held statement");
                }
                Thread.sleep(10);
            }
            if (groupCommit.queued() <= before) {
                throw new IllegalStateException("the request did not come to wait");
            }
            return answer;
        }

        void release() throws Exception {
            contention.release();
        }

        Response first() throws Exception {
            return first.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            contention.close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Response post(String token, Map<String, Object> entry) {
        return as(token).body(entry).post("/api/v1/entries");
    }

    private static Response postBatch(String token, List<Map<String, Object>> entries) {
        return as(token).body(Map.of("entries", entries)).post("/api/v1/entries/batch");
    }

    private long storedIn(org.gatepost.place.Place village) {
        return ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE village_id = :village",
                Map.of("village", village.id))).longValue();
    }

    private long exactCountIn(org.gatepost.place.Place village) {
        Object sum = fixtures.sql("SELECT sum(h.entries) FROM entry_hourly_exact h JOIN place c ON c.id = h.checkpoint_id "
                + "WHERE c.parent_id = :village", Map.of("village", village.id));
        return sum == null ? 0 : ((Number) sum).longValue();
    }
}
