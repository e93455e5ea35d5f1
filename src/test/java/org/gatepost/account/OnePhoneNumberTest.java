package org.gatepost.account;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.caller.Role;
import org.gatepost.entry.PhoneHasher;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One person, one phone number, however it is typed: at sign-in, for accounts, and for repeat visitors. */
@QuarkusTest
class OnePhoneNumberTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoredPhones storedPhones;

    @Inject
    PhoneHasher phoneHasher;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void everyFormOfANumberSignsInToTheSameAccount() {
        String digits = Fixtures.phone();
        String id = as(fixtures.token(world.cadreA())).body(Map.of("name", "新志願者", "phone", dashed(digits),
                        "password", "a-good-password", "role", "VOLUNTEER", "placeId", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(201).body("phone", equalTo("+86" + digits))
                .extract().path("id");
        for (String form : forms(digits)) {
            anonymous().body(Map.of("phone", form, "password", "a-good-password")).post("/api/v1/auth/login")
                    .then().statusCode(200).body("account.id", equalTo(id));
        }
        as(fixtures.token(world.admin())).body(Map.of("name", "另一人", "phone", "+86 " + digits,
                        "password", "a-good-password", "role", "VOLUNTEER", "placeId", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(409);
    }

    @Test
    void phonesStoredBeforeE164AreRewrittenAtStart() {
        String digits = Fixtures.phone();
        Account legacy = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        fixtures.sql("UPDATE account SET phone = :phone WHERE id = :id RETURNING id", Map.of("phone", digits, "id", legacy.id));
        // One older account already holds a number in E.164 that another holds as typed: nobody's number is taken.
        String shared = Fixtures.phone();
        Account holder = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        fixtures.sql("UPDATE account SET phone = :phone WHERE id = :id RETURNING id", Map.of("phone", "+86" + shared, "id", holder.id));
        Account clash = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        fixtures.sql("UPDATE account SET phone = :phone WHERE id = :id RETURNING id", Map.of("phone", shared, "id", clash.id));

        storedPhones.canonicalise("CN");

        assertEquals("+86" + digits, fixtures.reload(legacy.id).phone);
        assertEquals("+86" + shared, fixtures.reload(holder.id).phone);
        assertEquals(shared, fixtures.reload(clash.id).phone);
        for (String form : forms(digits)) {
            anonymous().body(Map.of("phone", form, "password", Fixtures.PASSWORD)).post("/api/v1/auth/login")
                    .then().statusCode(200).body("account.id", equalTo(legacy.id.toString()));
        }
    }

    @Test
    void everyFormOfAVisitorsNumberFindsTheSameRepeatVisitor() {
        String digits = Fixtures.phone();
        String volunteer = fixtures.token(world.volunteerA());
        for (String form : List.of("+86 " + digits, dashed(digits))) {
            Map<String, Object> entry = Entries.visitor(world.checkpointA1());
            entry.put("visitor", Map.of("origin", "松源街道", "purpose", "送蔬菜", "phone", form));
            as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        }
        assertEquals(1L, ((Number) fixtures.sql("""
                SELECT count(DISTINCT visitor_phone_hash) FROM entry WHERE village_id = :v AND visitor_phone_hash IS NOT NULL
                """, Map.of("v", world.villageA().id))).longValue());
        String cadre = fixtures.token(world.cadreA());
        for (String form : forms(digits)) {
            as(cadre).body(Map.of("visitorPhone", form)).post("/api/v1/entries/visitor-search")
                    .then().statusCode(200).body("items", hasSize(2))
                    .body("items[0].visitor.phone", equalTo("*** " + digits.substring(digits.length() - 4)));
        }
    }

    @Test
    void visitorsRecordedBeforeE164AreFoundToo() {
        String digits = Fixtures.phone();
        Map<String, Object> entry = Entries.visitor(world.checkpointA1());
        entry.put("visitor", Map.of("origin", "松源街道", "purpose", "送蔬菜", "phone", digits));
        as(fixtures.token(world.volunteerA())).body(entry).post("/api/v1/entries").then().statusCode(201);
        // The first release hashed the number as typed, without separators.
        fixtures.sql("UPDATE entry SET visitor_phone_hash = :hash WHERE id = :id RETURNING id",
                Map.of("hash", phoneHasher.hash(digits), "id", UUID.fromString((String) entry.get("id"))));
        as(fixtures.token(world.cadreA())).body(Map.of("visitorPhone", "+86 " + digits))
                .post("/api/v1/entries/visitor-search")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(entry.get("id")));
    }

    private static List<String> forms(String digits) {
        return List.of(digits, "+86 " + digits, dashed(digits), "+86" + digits, "0086 " + digits);
    }

    private static String dashed(String digits) {
        return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
    }
}
