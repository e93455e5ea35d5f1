package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsString;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.common.ChangeNotices;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.OtherInstance;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints are kept in memory for recording; a checkpoint closed elsewhere (another
 * instance, an administrator's SQL) refuses entries as soon as this instance hears of it.
 */
@QuarkusTest
class CheckpointCacheTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ChangeNotices notices;

    @Inject
    CheckpointCache checkpoints;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        OtherInstance.awaitListening(notices);
    }

    @Test
    void aCheckpointClosedElsewhereRefusesTheNextEntry() {
        String volunteer = fixtures.token(world.volunteerA());
        as(volunteer).body(Entries.resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(Entries.resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);

        OtherInstance.update("UPDATE place SET active = false WHERE id = ?", world.checkpointA1().id);
        OtherInstance.await(() -> checkpoints.kept(world.checkpointA1().id) == null, "the change heard");
        as(volunteer).body(Entries.resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(422)
                .body("detail", containsString("closed"));
        as(volunteer).body(Entries.resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(422);

        OtherInstance.update("UPDATE place SET active = true WHERE id = ?", world.checkpointA1().id);
        OtherInstance.await(() -> checkpoints.kept(world.checkpointA1().id) == null, "the change heard");
        as(volunteer).body(Entries.resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
    }
}
