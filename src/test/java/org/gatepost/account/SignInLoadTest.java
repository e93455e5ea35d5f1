package org.gatepost.account;

import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins at a shift change: while passwords are being checked no database connection is
 * held in a transaction, and beyond the bound of parallel checks a sign-in is told to come back.
 */
@QuarkusTest
class SignInLoadTest {

    /** gatepost.login.parallel as the tests run (the default). */
    private static final int PARALLEL = 2;

    @Inject
    Fixtures fixtures;

    private World world;
    private HeldPasswordCheck held;
    private ExecutorService phones;

    /** Checks passwords for real, but each waits inside the check until the test lets it go. */
    static class HeldPasswordCheck extends PasswordCheck {
        final CountDownLatch inside = new CountDownLatch(PARALLEL);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean matches(String password, String hash) {
            inside.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.matches(password, hash);
        }
    }

    @BeforeEach
    void setUp() {
        world = fixtures.world();
        held = new HeldPasswordCheck();
        QuarkusMock.installMockForType(held, PasswordCheck.class);
        phones = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterEach
    void tearDown() {
        held.release.countDown();
        phones.shutdownNow();
    }

    @Test
    void passwordsAreCheckedOutsideAnyTransactionAndBeyondTheBoundASignInIsToldToComeBack() throws Exception {
        List<Future<Response>> signIns = new ArrayList<>();
        for (Account volunteer : List.of(world.volunteerA(), world.volunteerB())) {
            signIns.add(phones.submit(() -> AuthResourceTest.login(volunteer.phone, Fixtures.PASSWORD,
                    AuthResourceTest.client())));
        }
        assertTrue(held.inside.await(30, TimeUnit.SECONDS), "both sign-ins reached the password check");

        // No transaction waits open on the database while bcrypt runs.
        Object idleInTransaction = fixtures.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'
                """, Map.of());
        assertEquals(0L, ((Number) idleInTransaction).longValue());
        // Other requests are served meanwhile.
        as(fixtures.token(world.cadreA())).get("/api/v1/me").then().statusCode(200);

        // One more is beyond the bound: after a short wait for its turn, 503 with Retry-After.
        AuthResourceTest.login(world.cadreA().phone, Fixtures.PASSWORD, AuthResourceTest.client())
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1");

        held.release.countDown();
        for (Future<Response> signIn : signIns) {
            signIn.get(30, TimeUnit.SECONDS).then().statusCode(200);
        }
        // The turn refused was no failed guess: the cadre signs in at once.
        AuthResourceTest.login(world.cadreA().phone, Fixtures.PASSWORD, AuthResourceTest.client()).then().statusCode(200);
    }
}
