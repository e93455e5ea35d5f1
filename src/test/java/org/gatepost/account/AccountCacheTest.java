package org.gatepost.account;

import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.common.ChangeNotices;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.OtherInstance;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts are kept in memory, and a deactivated account's next request is still refused: when
 * deactivated through the API, when changed directly in the database (as another instance or an
 * administrator's SQL would), and while the connection that hears the database's notices is
 * lost and comes back.
 */
@QuarkusTest
class AccountCacheTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ChangeNotices notices;

    @Inject
    AccountCache accounts;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        OtherInstance.awaitListening(notices);
    }

    @Test
    void deactivatedThroughTheApiTheNextRequestIsRefused() {
        String volunteer = fixtures.token(world.volunteerA());
        as(volunteer).get("/api/v1/me").then().statusCode(200);
        as(volunteer).get("/api/v1/me").then().statusCode(200); // now from memory
        as(fixtures.token(world.cadreA())).body(Map.of("active", false))
                .patch("/api/v1/accounts/" + world.volunteerA().id).then().statusCode(200);
        as(volunteer).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void changedDirectlyInTheDatabaseTheNextRequestIsRefused() throws SQLException {
        String volunteer = fixtures.token(world.volunteerA());
        String cadre = fixtures.token(world.cadreA());
        as(volunteer).get("/api/v1/me").then().statusCode(200);
        as(cadre).get("/api/v1/me").then().statusCode(200);

        changeElsewhere("UPDATE account SET active = false WHERE id = ?", world.volunteerA().id);
        as(volunteer).get("/api/v1/me").then().statusCode(401);

        // A new password ends the tokens issued before it.
        changeElsewhere("UPDATE account SET password_hash = 'changed elsewhere' WHERE id = ?", world.cadreA().id);
        as(cadre).get("/api/v1/me").then().statusCode(401);

        changeElsewhere("UPDATE account SET active = true WHERE id = ?", world.volunteerA().id);
        as(volunteer).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void whileTheListeningConnectionIsLostRequestsAreCheckedAgainstTheDatabase() throws Exception {
        String volunteer = fixtures.token(world.volunteerA());
        as(volunteer).get("/api/v1/me").then().statusCode(200);
        as(volunteer).get("/api/v1/me").then().statusCode(200);

        int listener = OtherInstance.listenerPid();
        try (Connection other = OtherInstance.connect();
             PreparedStatement kill = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, listener);
            try (ResultSet killed = kill.executeQuery()) {
                assertTrue(killed.next() && killed.getBoolean(1));
            }
        }
        // Until the loss is noticed, nothing can tell; once noticed (or already reconnected), the
        // cache is emptied and bypassed, and changes made meanwhile are seen without any notice.
        OtherInstance.await(() -> !notices.listening() || OtherInstance.listenerPid() != listener,
                "the lost connection noticed");
        OtherInstance.update("UPDATE account SET active = false WHERE id = ?", world.volunteerA().id);
        as(volunteer).get("/api/v1/me").then().statusCode(401);
        as(volunteer).get("/api/v1/me").then().statusCode(401);

        OtherInstance.awaitListening(notices);
        as(volunteer).get("/api/v1/me").then().statusCode(401);
        as(volunteer).get("/api/v1/me").then().statusCode(401); // the refusal now kept in memory
        changeElsewhere("UPDATE account SET active = true WHERE id = ?", world.volunteerA().id);
        as(volunteer).get("/api/v1/me").then().statusCode(200);
    }

    /**
     * Changes the account as another instance would, and waits until this instance heard the
     * database's notice (the account is no longer kept): the notice comes after the commit,
     * typically within a millisecond, but not within the UPDATE's own round trip.
     */
    private void changeElsewhere(String sql, UUID id) {
        OtherInstance.update(sql, id);
        OtherInstance.await(() -> accounts.kept(id) == null, "the change heard");
    }
}
