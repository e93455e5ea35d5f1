package org.gatepost.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.client.ApiClient;
import org.gatepost.client.ApiException;
import org.gatepost.client.ApiResponse;
import org.gatepost.client.api.EntriesApi;
import org.gatepost.client.api.HouseholdsApi;
import org.gatepost.client.api.PassesApi;
import org.gatepost.client.api.PlacesApi;
import org.gatepost.client.api.RostersApi;
import org.gatepost.client.api.SignInApi;
import org.gatepost.client.api.StatisticsApi;
import org.gatepost.client.model.BatchRequest;
import org.gatepost.client.model.BatchResponse;
import org.gatepost.client.model.CheckpointCoverage;
import org.gatepost.client.model.Coverage;
import org.gatepost.client.model.CreateHouseholdRequest;
import org.gatepost.client.model.CreateShiftRequest;
import org.gatepost.client.model.Decision;
import org.gatepost.client.model.Direction;
import org.gatepost.client.model.EntryOutcome;
import org.gatepost.client.model.EntryRequest;
import org.gatepost.client.model.EntryView;
import org.gatepost.client.model.HealthCode;
import org.gatepost.client.model.HealthCodeRead;
import org.gatepost.client.model.HouseholdView;
import org.gatepost.client.model.IssuePassRequest;
import org.gatepost.client.model.IssuedPass;
import org.gatepost.client.model.LoginRequest;
import org.gatepost.client.model.MyShiftView;
import org.gatepost.client.model.PassRef;
import org.gatepost.client.model.PlaceKind;
import org.gatepost.client.model.Problem;
import org.gatepost.client.model.ShiftView;
import org.gatepost.client.model.StatsSummary;
import org.gatepost.client.model.TrustData;
import org.gatepost.client.model.TrustDataHousehold;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/**
 * The contract as an outside integrator meets it: a Java client generated at build time from the
 * committed docs/openapi.yaml (openapi-generator, see pom.xml) runs a whole day against the
 * application. Every answer arrives as its typed model, and every refusal as the typed Problem.
 */
@QuarkusTest
class GeneratedClientScenarioTest {

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aDayAtTheGateThroughTheGeneratedClient() throws Exception {
        World world = fixtures.world();

        // The cadre signs in, lists the village's gates, adds the shift under way and assigns the volunteer.
        ApiClient cadre = signIn(world.cadreA().phone);
        List<UUID> gates = new PlacesApi(cadre).listPlaces(null, null, world.villageA().id).getItems().stream()
                .filter(p -> p.getKind() == PlaceKind.CHECKPOINT).map(p -> p.getId()).toList();
        assertTrue(gates.contains(world.checkpointA1().id), "the village's gates are listed: " + gates);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
        ShiftView shift = new RostersApi(cadre).createShift(new CreateShiftRequest().checkpointId(world.checkpointA1().id)
                .startsAt(start).endsAt(start.plusHours(6)).minStaff(1));
        assertNotNull(shift.getId());
        assertEquals(world.checkpointA1().id, shift.getCheckpointId());
        ShiftView assigned = new RostersApi(cadre).assignVolunteer(shift.getId(), world.volunteerA().id);
        assertEquals(world.volunteerA().id, assigned.getAssignments().get(0).getVolunteerId());

        // The volunteer checks in, records one entry, then a batch from the offline queue.
        ApiClient volunteer = signIn(world.volunteerA().phone);
        MyShiftView checkedIn = new RostersApi(volunteer).checkIn(shift.getId());
        assertEquals(shift.getId(), checkedIn.getId());
        assertNotNull(checkedIn.getCheckedInAt());
        EntriesApi entries = new EntriesApi(volunteer);
        EntryRequest one = entry(world.checkpointA1().id);
        EntryView recorded = entries.recordEntry(one);
        assertEquals(one.getId(), recorded.getId());
        assertEquals(recorded.getId(), entries.recordEntry(one).getId(), "sending it again answers the stored entry");
        BatchResponse batch = entries.recordEntryBatch(new BatchRequest().entries(List.of(entry(world.checkpointA1().id),
                entry(world.checkpointA1().id).partySize(0))));
        assertEquals(EntryOutcome.CREATED, batch.getResults().get(0).getStatus());
        assertEquals(EntryOutcome.REJECTED, batch.getResults().get(1).getStatus());
        assertEquals("partySize", batch.getResults().get(1).getProblem().getErrors().get(0).getField());

        // A refusal is the typed problem: a volunteer may not plan shifts, and a broken entry names its field.
        Problem forbidden = problemOf(volunteer, assertThrows(ApiException.class, () -> new RostersApi(volunteer)
                .createShift(new CreateShiftRequest().checkpointId(world.checkpointA1().id).startsAt(start)
                        .endsAt(start.plusHours(7)).minStaff(1))));
        assertEquals(403, forbidden.getStatus());
        Problem invalid = problemOf(volunteer, assertThrows(ApiException.class,
                () -> entries.recordEntry(entry(world.checkpointA1().id).partySize(21))));
        assertEquals(400, invalid.getStatus());
        assertEquals("partySize", invalid.getErrors().get(0).getField());

        // The county official reads the summary and the coverage.
        ApiClient official = signIn(world.countyOfficial().phone);
        StatisticsApi statistics = new StatisticsApi(official);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        StatsSummary summary = statistics.getSummary(now.minusHours(2), world.county().id, now.plusHours(1), null);
        assertEquals(2L, summary.getEntries(), "the single entry and the batch's good one");
        Coverage coverage = statistics.getCoverage(world.county().id, null, null);
        CheckpointCoverage gate = coverage.getCheckpoints().stream()
                .filter(c -> c.getCheckpointId().equals(world.checkpointA1().id)).findFirst().orElseThrow();
        assertEquals(shift.getId(), gate.getShiftId());
        assertEquals(1, gate.getOnDuty());

        Problem missing = problemOf(official, assertThrows(ApiException.class,
                () -> statistics.getSummary(now, UUID.randomUUID(), now.plusHours(1), null)));
        assertEquals(404, missing.getStatus());
        assertNotNull(missing.getType());
    }

    @Test
    void aHouseholdPassAtTheGateThroughTheGeneratedClient() throws Exception {
        World world = fixtures.world();

        // The cadre registers a household and issues its pass.
        ApiClient cadre = signIn(world.cadreA().phone);
        HouseholdsApi households = new HouseholdsApi(cadre);
        HouseholdView household = households.createHousehold(world.villageA().id,
                new CreateHouseholdRequest().label("7-1").head("王芳").members(List.of("李明")));
        assertEquals(world.villageA().id, household.getVillageId());
        assertEquals(null, household.getPass(), "no pass before one is issued");
        IssuedPass pass = households.issuePass(household.getId(), new IssuePassRequest().validDays(30));
        assertEquals(1, pass.getSerial());
        assertEquals(3, pass.getToken().split("\\.").length, "the pass is a JWS in compact form");
        assertEquals(pass.getSerial(), households.getHousehold(household.getId()).getPass().getSerial());

        // The volunteer's phone reads the trust data, then asks again with its ETag: 304, keep the copy.
        ApiClient volunteer = signIn(world.volunteerA().phone);
        PassesApi passes = new PassesApi(volunteer);
        ApiResponse<TrustData> trust = passes.getTrustDataWithHttpInfo(null);
        TrustDataHousehold known = trust.getData().getHouseholds().stream()
                .filter(h -> h.getHouseholdId().equals(household.getId())).findFirst().orElseThrow();
        assertEquals(pass.getSerial(), known.getSerial());
        assertTrue(trust.getData().getKeys().getKeys().stream().anyMatch(k -> pass.getKid().equals(k.get("kid"))),
                "the pass's key is among the verification keys");
        String etag = header(trust, "ETag");
        ApiException unchanged = assertThrows(ApiException.class, () -> passes.getTrustData(etag));
        assertEquals(304, unchanged.getCode(), "the generated client reports 304 as a non-2xx answer");
        assertEquals(etag, unchanged.getResponseHeaders().firstValue("ETag").orElseThrow());

        // The volunteer records the household going out on its pass.
        EntriesApi entries = new EntriesApi(volunteer);
        EntryRequest out = entry(world.checkpointA1().id).direction(Direction.OUT)
                .pass(new PassRef().householdId(household.getId()).serial(pass.getSerial()));
        EntryView recorded = entries.recordEntry(out);
        assertEquals(household.getId(), recorded.getPass().getHouseholdId());
        assertEquals(pass.getSerial(), recorded.getPass().getSerial());

        // A pass of another village is refused as the typed problem naming the field.
        ApiClient otherCadre = signIn(world.cadreB().phone);
        HouseholdView foreign = new HouseholdsApi(otherCadre).createHousehold(world.villageB().id,
                new CreateHouseholdRequest().label("9-9").head("趙六"));
        IssuedPass foreignPass = new HouseholdsApi(otherCadre).issuePass(foreign.getId(), new IssuePassRequest());
        Problem refused = problemOf(volunteer, assertThrows(ApiException.class, () -> entries.recordEntry(
                entry(world.checkpointA1().id).direction(Direction.OUT)
                        .pass(new PassRef().householdId(foreign.getId()).serial(foreignPass.getSerial())))));
        assertEquals(422, refused.getStatus());
        assertEquals("pass.householdId", refused.getErrors().get(0).getField());
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private ApiClient signIn(String phone) throws ApiException {
        String token = new SignInApi(client()).login(new LoginRequest().phone(phone).password(Fixtures.PASSWORD)).getToken();
        return client().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        return client;
    }

    private static EntryRequest entry(UUID checkpointId) {
        return new EntryRequest().id(UUID.randomUUID()).checkpointId(checkpointId)
                .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1))
                .direction(Direction.IN).resident(true).partySize(1).healthCode(HealthCode.GREEN)
                .healthCodeRead(HealthCodeRead.SCANNED).temperature(new BigDecimal("36.5")).decision(Decision.ADMITTED);
    }

    /** The refusal's body read as the contract's Problem, with the client's own JSON reader. */
    private static Problem problemOf(ApiClient client, ApiException e) throws JsonProcessingException {
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem details: " + e.getResponseBody());
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals(e.getCode(), problem.getStatus());
        return problem;
    }
}
