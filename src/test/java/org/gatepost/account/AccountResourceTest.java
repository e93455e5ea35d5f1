package org.gatepost.account;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    @Inject
    Fixtures fixtures;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void adminCreatesAccountsOfEveryRole() {
        String admin = fixtures.token(world.admin());
        String phone = Fixtures.phone();
        String id = as(admin).body(account("縣幹部", phone, "OFFICIAL", world.county().id))
                .post("/api/v1/accounts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/accounts/"))
                .body("role", equalTo("OFFICIAL"))
                .body("phone", equalTo("+86" + phone))
                .body("active", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .extract().path("id");
        Account stored = fixtures.reload(UUID.fromString(id));
        assertEquals(world.county().id, stored.placeId);
        as(admin).body(account("村幹部", Fixtures.phone(), "CADRE", world.villageB().id))
                .post("/api/v1/accounts").then().statusCode(201);
        Map<String, Object> secondAdmin = account("管理員", Fixtures.phone(), "ADMIN", null);
        as(admin).body(secondAdmin).post("/api/v1/accounts").then().statusCode(201).body("placeId", nullValue());
    }

    @Test
    void aRolesHomeMustBeTheRightKindOfPlace() {
        String admin = fixtures.token(world.admin());
        long before = fixtures.countAccounts();
        as(admin).body(account("x", Fixtures.phone(), "CADRE", world.township().id))
                .post("/api/v1/accounts").then().statusCode(422)
                .body("errors[0].field", equalTo("placeId"))
                .body("detail", containsString("must be a VILLAGE"));
        as(admin).body(account("x", Fixtures.phone(), "OFFICIAL", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(422);
        as(admin).body(account("x", Fixtures.phone(), "VOLUNTEER", null))
                .post("/api/v1/accounts").then().statusCode(422).body("errors[0].field", equalTo("placeId"));
        as(admin).body(account("x", Fixtures.phone(), "VOLUNTEER", UUID.randomUUID()))
                .post("/api/v1/accounts").then().statusCode(422).body("detail", containsString("no such place"));
        assertEquals(before, fixtures.countAccounts());
    }

    @Test
    void cadreCreatesVolunteersOfOwnVillageOnly() {
        String cadre = fixtures.token(world.cadreA());
        Map<String, Object> volunteer = account("吳麗華", Fixtures.phone(), "VOLUNTEER", world.villageA().id);
        volunteer.put("teamId", world.teamA().id);
        as(cadre).body(volunteer).post("/api/v1/accounts").then().statusCode(201)
                .body("teamId", equalTo(world.teamA().id.toString()));

        as(cadre).body(account("x", Fixtures.phone(), "CADRE", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(403);
        as(cadre).body(account("x", Fixtures.phone(), "VOLUNTEER", world.villageB().id))
                .post("/api/v1/accounts").then().statusCode(422).body("errors[0].field", equalTo("placeId"));
        Map<String, Object> wrongTeam = account("x", Fixtures.phone(), "VOLUNTEER", world.villageA().id);
        wrongTeam.put("teamId", world.teamB().id);
        as(cadre).body(wrongTeam).post("/api/v1/accounts").then().statusCode(422).body("errors[0].field", equalTo("teamId"));
    }

    @Test
    void volunteersAndOfficialsCannotCreateAccounts() {
        as(fixtures.token(world.volunteerA())).body(account("x", Fixtures.phone(), "VOLUNTEER", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(403);
        as(fixtures.token(world.countyOfficial())).body(account("x", Fixtures.phone(), "VOLUNTEER", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(403);
    }

    @Test
    void aPhoneNumberBelongsToOneAccount() {
        as(fixtures.token(world.admin())).body(account("x", world.volunteerB().phone, "VOLUNTEER", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badAccountInputNamesTheField() {
        String admin = fixtures.token(world.admin());
        Map<String, Object> shortPassword = account("x", Fixtures.phone(), "VOLUNTEER", world.villageA().id);
        shortPassword.put("password", "short");
        as(admin).body(shortPassword).post("/api/v1/accounts").then().statusCode(400).body("errors[0].field", equalTo("password"));
        as(admin).body(account("x", "not a phone", "VOLUNTEER", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(400).body("errors[0].field", equalTo("phone"));
        Map<String, Object> badRole = account("x", Fixtures.phone(), "MAYOR", world.villageA().id);
        as(admin).body(badRole).post("/api/v1/accounts").then().statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void phonesAreWholeOnlyForSelfAdminsAndTheVillagesCadre() {
        String volunteer = world.volunteerA().id.toString();
        String phone = world.volunteerA().phone;
        as(fixtures.token(world.admin())).get("/api/v1/accounts/" + volunteer).then().statusCode(200).body("phone", equalTo(phone));
        as(fixtures.token(world.cadreA())).get("/api/v1/accounts/" + volunteer).then().statusCode(200).body("phone", equalTo(phone));
        as(fixtures.token(world.volunteerA())).get("/api/v1/me").then().statusCode(200).body("phone", equalTo(phone));
        as(fixtures.token(world.countyOfficial())).get("/api/v1/accounts/" + volunteer).then().statusCode(200)
                .body("phone", equalTo("*** " + phone.substring(phone.length() - 4)));
    }

    @Test
    void listsAccountsInTheCallersArea() {
        as(fixtures.token(world.cadreA())).get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", hasItem(world.volunteerA().id.toString()))
                .body("items.id", not(hasItem(world.volunteerB().id.toString())));
        as(fixtures.token(world.townshipOfficial())).queryParam("placeId", world.township().id.toString())
                .get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", hasItem(world.volunteerA().id.toString()))
                .body("items.id", hasItem(world.volunteerB().id.toString()))
                .body("items.id", not(hasItem(world.countyOfficial().id.toString())));
        as(fixtures.token(world.cadreA())).queryParam("placeId", world.villageB().id.toString())
                .get("/api/v1/accounts").then().statusCode(404);
        as(fixtures.token(world.volunteerA())).get("/api/v1/accounts").then().statusCode(403);
    }

    @Test
    void cadreEditsVolunteersOfOwnVillage() {
        String cadre = fixtures.token(world.cadreA());
        String volunteer = world.volunteerA().id.toString();
        as(cadre).body(Map.of("name", "葉澤雲", "password", "new-password-1")).patch("/api/v1/accounts/" + volunteer)
                .then().statusCode(200).body("name", equalTo("葉澤雲"));
        AuthResourceTest.login(world.volunteerA().phone, "new-password-1").then().statusCode(200);
        as(cadre).body("{\"teamId\":null}").patch("/api/v1/accounts/" + volunteer).then().statusCode(200)
                .body("teamId", nullValue());
        assertNull(fixtures.reload(world.volunteerA().id).teamId);
        as(cadre).body(Map.of("teamId", world.teamA().id)).patch("/api/v1/accounts/" + volunteer).then().statusCode(200)
                .body("teamId", equalTo(world.teamA().id.toString()));
    }

    @Test
    void aPatchChangesOnlyWhatItNames() {
        String cadre = fixtures.token(world.cadreA());
        as(cadre).body(Map.of("password", "another-password")).patch("/api/v1/accounts/" + world.volunteerA().id)
                .then().statusCode(200).body("teamId", equalTo(world.teamA().id.toString()));
        assertEquals(world.teamA().id, fixtures.reload(world.volunteerA().id).teamId);
        as(cadre).body("{\"teamId\": 5}").patch("/api/v1/accounts/" + world.volunteerA().id).then().statusCode(400)
                .body("errors[0].field", equalTo("teamId"));
    }

    @Test
    void deactivatingAVolunteerFreesTheShiftsAhead() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        org.gatepost.roster.Shift ahead = fixtures.shift(world.checkpointA1(), now.plusSeconds(7200), now.plusSeconds(14400), 2);
        org.gatepost.roster.Shift past = fixtures.shift(world.checkpointA1(), now.minusSeconds(14400), now.minusSeconds(7200), 2);
        fixtures.assignment(ahead, world.volunteerA(), null, null, null);
        fixtures.assignment(past, world.volunteerA(), now.minusSeconds(14400), now.minusSeconds(7200), null);
        as(fixtures.token(world.cadreA())).body(Map.of("active", false)).patch("/api/v1/accounts/" + world.volunteerA().id)
                .then().statusCode(200);
        assertEquals(1, fixtures.assignmentsOf(world.volunteerA().id), "the past shift stays, with its hours");
    }

    @Test
    void cadreCannotEditOtherVillagesOrOtherRoles() {
        String cadre = fixtures.token(world.cadreA());
        as(cadre).body(Map.of("active", false)).patch("/api/v1/accounts/" + world.volunteerB().id).then().statusCode(404);
        as(cadre).body(Map.of("name", "x")).patch("/api/v1/accounts/" + world.cadreB().id).then().statusCode(404);
        as(cadre).body(Map.of("name", "x")).patch("/api/v1/accounts/" + world.cadreA().id).then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertTrue(fixtures.reload(world.volunteerB().id).active);
    }

    @Test
    void nobodyDeactivatesTheirOwnAccount() {
        as(fixtures.token(world.admin())).body(Map.of("active", false)).patch("/api/v1/accounts/" + world.admin().id)
                .then().statusCode(422).body("errors[0].field", equalTo("active"));
    }

    private static Map<String, Object> account(String name, String phone, String role, UUID placeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("password", "a-good-password");
        body.put("role", role);
        if (placeId != null) {
            body.put("placeId", placeId);
        }
        return body;
    }
}
