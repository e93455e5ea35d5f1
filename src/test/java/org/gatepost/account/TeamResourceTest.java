package org.gatepost.account;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.caller.Role;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamResourceTest {

    @Inject
    Fixtures fixtures;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void cadreCreatesATeamWhoseLeaderJoinsIt() {
        Account volunteer = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        String id = as(fixtures.token(world.cadreA()))
                .body(Map.of("name", "西演第二幫幫團", "villageId", world.villageA().id, "leaderId", volunteer.id))
                .post("/api/v1/teams")
                .then().statusCode(201)
                .body("leaderId", equalTo(volunteer.id.toString()))
                .body("members", equalTo(1))
                .extract().path("id");
        assertEquals(UUID.fromString(id), fixtures.reload(volunteer.id).teamId);
    }

    @Test
    void theLeaderIsAnActiveVolunteerOfTheVillage() {
        String cadre = fixtures.token(world.cadreA());
        as(cadre).body(Map.of("name", "團" + Fixtures.unique(), "villageId", world.villageA().id, "leaderId", world.volunteerB().id))
                .post("/api/v1/teams").then().statusCode(422).body("errors[0].field", equalTo("leaderId"));
        as(cadre).body(Map.of("name", "團" + Fixtures.unique(), "villageId", world.villageA().id, "leaderId", world.cadreA().id))
                .post("/api/v1/teams").then().statusCode(422);
        as(cadre).body(Map.of("name", "團" + Fixtures.unique(), "villageId", world.villageA().id, "leaderId", world.volunteerA().id))
                .post("/api/v1/teams").then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("another team"));
    }

    @Test
    void cadreManagesTeamsOfOwnVillageOnly() {
        String cadre = fixtures.token(world.cadreA());
        as(cadre).body(Map.of("name", "外村團", "villageId", world.villageB().id))
                .post("/api/v1/teams").then().statusCode(422).body("errors[0].field", equalTo("villageId"));
        as(cadre).body(Map.of("name", "改名")).patch("/api/v1/teams/" + world.teamB().id).then().statusCode(404);
        as(fixtures.token(world.volunteerA())).body(Map.of("name", "改名")).patch("/api/v1/teams/" + world.teamA().id)
                .then().statusCode(403);
        as(fixtures.token(world.townshipOfficial())).body(Map.of("name", "改名")).patch("/api/v1/teams/" + world.teamA().id)
                .then().statusCode(403);
        assertEquals("會溪美麗幫幫團", fixtures.reloadTeam(world.teamB().id).name);
    }

    @Test
    void renamesChangesLeaderAndRefusesDuplicateNames() {
        String cadre = fixtures.token(world.cadreA());
        String team = world.teamA().id.toString();
        as(cadre).body(Map.of("leaderId", world.volunteerA().id)).patch("/api/v1/teams/" + team)
                .then().statusCode(200).body("leaderId", equalTo(world.volunteerA().id.toString()));
        as(cadre).body("{\"leaderId\":null}").patch("/api/v1/teams/" + team).then().statusCode(200).body("leaderId", nullValue());
        fixtures.team("其他團", world.villageA().id);
        as(cadre).body(Map.of("name", "其他團")).patch("/api/v1/teams/" + team).then().statusCode(409);
        as(cadre).body(Map.of("name", "西演美麗幫幫團（一）")).patch("/api/v1/teams/" + team)
                .then().statusCode(200).body("name", equalTo("西演美麗幫幫團（一）"));
    }

    @Test
    void renamingATeamKeepsItsLeader() {
        String cadre = fixtures.token(world.cadreA());
        String team = world.teamA().id.toString();
        as(cadre).body(Map.of("leaderId", world.volunteerA().id)).patch("/api/v1/teams/" + team).then().statusCode(200);
        as(cadre).body(Map.of("name", "西演美麗幫幫團（新）")).patch("/api/v1/teams/" + team).then().statusCode(200)
                .body("leaderId", equalTo(world.volunteerA().id.toString()));
    }

    @Test
    void listsTeamsInTheCallersArea() {
        as(fixtures.token(world.townshipOfficial())).queryParam("placeId", world.township().id.toString())
                .get("/api/v1/teams").then().statusCode(200)
                .body("items.id", hasItem(world.teamA().id.toString()))
                .body("items.id", hasItem(world.teamB().id.toString()));
        as(fixtures.token(world.volunteerA())).get("/api/v1/teams").then().statusCode(200)
                .body("items.id", hasItem(world.teamA().id.toString()))
                .body("items.id", not(hasItem(world.teamB().id.toString())));
        as(fixtures.token(world.cadreA())).queryParam("placeId", world.villageB().id.toString())
                .get("/api/v1/teams").then().statusCode(404);
    }
}
