package org.gatepost.place;

import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.caller.Role;
import org.gatepost.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Two counties never share a name: PostgreSQL itself holds it, whoever writes and however concurrently. */
@QuarkusTest
class CountyNamesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theDatabaseRefusesASecondCountyOfTheSameName() {
        String name = "慶元縣" + Fixtures.unique();
        fixtures.place(PlaceKind.COUNTY, name, null);
        assertThrows(RuntimeException.class, () -> fixtures.place(PlaceKind.COUNTY, name.toLowerCase(), null));
        assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM place WHERE parent_id IS NULL AND name = :n",
                Map.of("n", name))).longValue());
    }

    @Test
    void twoAdminsCreatingOneCountyAtOnceMakeOne() throws Exception {
        String name = "松陽縣" + Fixtures.unique();
        String admin = fixtures.token(fixtures.account(Role.ADMIN, null, null));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(threads.submit(() -> as(admin).body(Map.of("kind", "COUNTY", "name", name))
                        .post("/api/v1/places").statusCode()));
            }
            long created = 0;
            for (Future<Integer> call : calls) {
                int status = call.get();
                assertEquals(true, status == 201 || status == 409, "answered " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM place WHERE parent_id IS NULL AND name = :n",
                Map.of("n", name))).longValue());
    }
}
