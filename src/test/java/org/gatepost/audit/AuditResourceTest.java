package org.gatepost.audit;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/** The audit log: refusals and failures are recorded whoever refused them, and only administrators read it. */
@QuarkusTest
class AuditResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AuditService audit;

    /** Refusals are written off the request thread: wait (a few seconds at most) until the row is there. */
    private long eventually(String sql, Map<String, Object> parameters, long expected) throws InterruptedException {
        long found = -1;
        for (int i = 0; i < 100; i++) {
            found = ((Number) fixtures.sql(sql, parameters)).longValue();
            if (found == expected) {
                return found;
            }
            Thread.sleep(50);
        }
        return found;
    }

    @Test
    void aRoleThatMayNotIsRecordedWithWhoAskedAndWhat() throws InterruptedException {
        World w = fixtures.world();
        as(fixtures.token(w.volunteerA())).body(Map.of("kind", "CHECKPOINT", "name", "口" + Fixtures.unique(),
                "parentId", w.villageA().id)).post("/api/v1/places").then().statusCode(403);
        assertEquals(1, eventually("SELECT count(*) FROM audit_event WHERE kind = 'FORBIDDEN' AND actor_id = :a",
                Map.of("a", w.volunteerA().id), 1));

        JsonPath page = as(fixtures.token(w.admin())).get("/api/v1/audit-events?kind=FORBIDDEN&limit=500")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = page.getList("items.findAll { it.actorId == '" + w.volunteerA().id + "' }");
        assertEquals(1, mine.size());
        assertEquals("VOLUNTEER", mine.get(0).get("actorRole"));
        assertEquals("POST /api/v1/places", mine.get(0).get("detail"));
        assertTrue(String.valueOf(mine.get(0).get("client")).matches("[0-9a-f.:]+"), "the client's address");
    }

    @Test
    void failedSignInsAreRecordedWithoutThePhoneNumber() throws InterruptedException {
        String phone = Fixtures.phone();
        Instant before = Instant.now();
        String client = "10.250." + (phone.hashCode() >>> 8 & 0xff) + "." + (phone.hashCode() & 0xff);
        anonymous().header("X-Forwarded-For", client).body(Map.of("phone", phone, "password", "wrong-password"))
                .post("/api/v1/auth/login").then().statusCode(401);
        anonymous().get("/api/v1/me").then().statusCode(401);
        assertEquals(1, eventually("SELECT count(*) FROM audit_event WHERE kind = 'SIGN_IN_FAILED' AND client = :c",
                Map.of("c", client), 1), "the failure, from the client the trusted proxy named");
        assertEquals(0L, ((Number) fixtures.sql("SELECT count(*) FROM audit_event WHERE detail LIKE :p OR client LIKE :p",
                Map.of("p", "%" + phone + "%"))).longValue());
        assertTrue(eventually("SELECT count(*) FROM audit_event WHERE kind = 'UNAUTHENTICATED' AND detail = 'GET /api/v1/me'"
                + " AND at >= :t", Map.of("t", before), 1) >= 1);
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        World w = fixtures.world();
        for (var account : List.of(w.countyOfficial(), w.cadreA(), w.volunteerA())) {
            as(fixtures.token(account)).get("/api/v1/audit-events").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        anonymous().get("/api/v1/audit-events").then().statusCode(401);
    }

    @Test
    void pagesThroughATimeRangeNewestFirst() {
        World w = fixtures.world();
        String admin = fixtures.token(w.admin());
        Instant from = Instant.now().minus(Duration.ofDays(3000));
        for (int i = 0; i < 3; i++) {
            fixtures.sql("INSERT INTO audit_event (id, at, kind, detail) VALUES (:id, :at, 'ROLE_CHANGED', :d) RETURNING 1",
                    Map.of("id", UUID.randomUUID(), "at", from.plus(Duration.ofMinutes(i)), "d", "old " + i));
        }
        String range = "from=" + from + "&to=" + from.plus(Duration.ofHours(1));
        JsonPath first = as(admin).get("/api/v1/audit-events?" + range + "&limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].detail", equalTo("old 2")).body("nextCursor", notNullValue())
                .extract().jsonPath();
        as(admin).get("/api/v1/audit-events?" + range + "&limit=2&cursor=" + first.getString("nextCursor"))
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].detail", equalTo("old 0"))
                .body("nextCursor", nullValue());
        as(admin).get("/api/v1/audit-events?kind=NOPE").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(admin).get("/api/v1/audit-events?from=2020-02-02&to=2020-02-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void eventsOlderThanTheRetentionPeriodAreForgotten() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Instant now = Instant.now();
        fixtures.sql("INSERT INTO audit_event (id, at, kind) VALUES (:id, :at, 'SIGN_IN') RETURNING 1",
                Map.of("id", old, "at", now.minus(Duration.ofDays(366))));
        fixtures.sql("INSERT INTO audit_event (id, at, kind) VALUES (:id, :at, 'SIGN_IN') RETURNING 1",
                Map.of("id", recent, "at", now.minus(Duration.ofDays(364))));
        assertTrue(audit.forgetOlderThanRetention(now) >= 1);
        assertEquals(List.of(recent), fixtures.rows("SELECT id FROM audit_event WHERE id IN (:a, :b)",
                Map.of("a", old, "b", recent)));
    }
}
