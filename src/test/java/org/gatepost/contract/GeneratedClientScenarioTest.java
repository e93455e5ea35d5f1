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
import org.gatepost.client.api.EntriesApi;
import org.gatepost.client.api.PlacesApi;
import org.gatepost.client.api.RostersApi;
import org.gatepost.client.api.SignInApi;
import org.gatepost.client.api.StatisticsApi;
import org.gatepost.client.model.BatchRequest;
import org.gatepost.client.model.BatchResponse;
import org.gatepost.client.model.CheckpointCoverage;
import org.gatepost.client.model.Coverage;
import org.gatepost.client.model.CreateShiftRequest;
import org.gatepost.client.model.Decision;
import org.gatepost.client.model.Direction;
import org.gatepost.client.model.EntryOutcome;
import org.gatepost.client.model.EntryRequest;
import org.gatepost.client.model.EntryView;
import org.gatepost.client.model.HealthCode;
import org.gatepost.client.model.HealthCodeRead;
import org.gatepost.client.model.LoginRequest;
import org.gatepost.client.model.MyShiftView;
import org.gatepost.client.model.PlaceKind;
import org.gatepost.client.model.Problem;
import org.gatepost.client.model.ShiftView;
import org.gatepost.client.model.StatsSummary;
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
