package org.gatepost.household;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gatepost.account.Phones;
import org.gatepost.audit.AuditKind;
import org.gatepost.audit.AuditLog;
import org.gatepost.caller.Caller;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;
import org.gatepost.pass.SigningKeys;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceService;

/**
 * A village's household register, its passes and its outing limit: kept by the village's
 * cadre (or an admin). Every change is in the audit log; personal data never is.
 */
@ApplicationScoped
@Transactional
public class HouseholdService {

    /** The type of a pass's JWS, in its header. */
    public static final String PASS_TYPE = "gp-pass";

    private final HouseholdRepository households;
    private final PassRepository passes;
    private final OutingRepository outings;
    private final OutingCounter counter;
    private final PlaceService places;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final int defaultValidDays;

    HouseholdService(HouseholdRepository households, PassRepository passes, OutingRepository outings,
                     OutingCounter counter, PlaceService places, SigningKeys keys, AuditLog audit, ObjectMapper json,
                     GatepostConfig config) {
        this.households = households;
        this.passes = passes;
        this.outings = outings;
        this.counter = counter;
        this.places = places;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
        this.zone = config.timeZone();
        this.defaultValidDays = config.passes().defaultValidDays();
    }

    public Page<HouseholdView> list(Caller caller, UUID villageId, Cursor after, int limit) {
        managedVillage(caller, villageId);
        List<Household> rows = households.ofVillage(villageId, after, limit + 1);
        Page<Household> page = Page.of(rows, limit, h -> new Cursor(h.label, h.id), h -> h);
        return new Page<>(views(caller, villageId, page.items()), page.nextCursor());
    }

    public HouseholdView create(Caller caller, UUID villageId, HouseholdRequests.Create request) {
        managedVillage(caller, villageId);
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.villageId = villageId;
        household.label = uniqueLabel(villageId, request.label(), household.id);
        household.head = request.head().trim();
        household.members = members(request.members());
        household.phone = phone(request.phone());
        households.persist(household);
        households.flush();
        audit.changed(AuditKind.HOUSEHOLD_CREATED, caller.accountId(), caller.role().name(), "HOUSEHOLD", household.id, null);
        return view(caller, household);
    }

    public HouseholdView get(Caller caller, UUID id) {
        return view(caller, managed(caller, id));
    }

    public HouseholdView update(Caller caller, UUID id, HouseholdRequests.Update request, IfMatch ifMatch) {
        Household household = managed(caller, id);
        ifMatch.require(household.version, "Household " + id);
        if (request.label() != null) {
            household.label = uniqueLabel(household.villageId, request.label(), household.id);
        }
        if (request.head() != null) {
            household.head = request.head().trim();
        }
        if (request.members() != null) {
            household.members = members(request.members());
        }
        if (request.phone() != null) {
            household.phone = request.phone().isBlank() ? null : phone(request.phone());
        }
        flush();
        audit.changed(AuditKind.HOUSEHOLD_CHANGED, caller.accountId(), caller.role().name(), "HOUSEHOLD", id, null);
        return view(caller, household);
    }

    /** Deletes the household and its personal data; its pass is revoked first, so phones refuse it. */
    public void delete(Caller caller, UUID id, IfMatch ifMatch) {
        Household household = managed(caller, id);
        ifMatch.require(household.version, "Household " + id);
        passes.revokeLive(id, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        households.delete(household);
        flush();
        audit.changed(AuditKind.HOUSEHOLD_DELETED, caller.accountId(), caller.role().name(), "HOUSEHOLD", id, null);
    }

    /** Issues a new pass; the household's previous one, if any, is revoked in the same step ("reissue"). */
    public PassViews.Issued issuePass(Caller caller, UUID id, HouseholdRequests.IssuePass request) {
        Household household = managed(caller, id);
        // Holding the row's lock makes two reissues at once take turns (one live pass per household).
        households.getEntityManager().lock(household, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int days = request == null || request.validDays() == null ? defaultValidDays : request.validDays();
        Instant expires = now.plus(Duration.ofDays(days));
        boolean reissued = passes.revokeLive(id, now);
        int serial = passes.nextSerial(household.villageId);
        OutingLimit limit = outings.limitOf(household.villageId).orElse(null);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("t", "pass");
        claims.put("h", household.id.toString());
        claims.put("vl", household.villageId.toString());
        claims.put("s", serial);
        claims.put("exp", expires.getEpochSecond());
        claims.put("lim", limit == null ? null : List.of(limit.outings(), limit.days()));
        String token = keys.sign(PASS_TYPE, write(claims));
        passes.insert(new PassRepository.Pass(household.villageId, serial, id, keys.kid(), token, now, expires, null));
        audit.changed(AuditKind.PASS_ISSUED, caller.accountId(), caller.role().name(), "HOUSEHOLD", id,
                "serial " + serial + (reissued ? " (the previous pass revoked)" : ""));
        return new PassViews.Issued(serial, token, keys.kid(), TimeRange.local(now, zone), TimeRange.local(expires, zone));
    }

    public void revokePass(Caller caller, UUID id) {
        managed(caller, id);
        if (!passes.revokeLive(id, Instant.now().truncatedTo(ChronoUnit.MILLIS))) {
            throw ProblemException.notFound("A live pass of household " + id);
        }
        audit.changed(AuditKind.PASS_REVOKED, caller.accountId(), caller.role().name(), "HOUSEHOLD", id, null);
    }

    /** The village's live, unexpired passes as printable cards, by household label. */
    public PassViews.Cards cards(Caller caller, UUID villageId) {
        Place village = managedVillage(caller, villageId);
        List<Household> all = households.allOf(villageId);
        Map<UUID, PassRepository.Pass> live = passes.liveOf(all.stream().map(h -> h.id).toList());
        Instant now = Instant.now();
        List<PassViews.Card> cards = all.stream().filter(h -> live.containsKey(h.id) && live.get(h.id).expiresAt().isAfter(now))
                .map(h -> {
                    PassRepository.Pass p = live.get(h.id);
                    return new PassViews.Card(h.id, h.label, p.serial(), p.token(), TimeRange.local(p.issuedAt(), zone),
                            TimeRange.local(p.expiresAt(), zone));
                }).toList();
        return new PassViews.Cards(new PassViews.VillageName(village.id, village.name), cards);
    }

    /** The village's outing limit: readable by everyone whose area holds the village. */
    public OutingLimit limit(Caller caller, UUID villageId) {
        village(caller, villageId);
        return outings.limitOf(villageId).orElseThrow(() -> ProblemException.notFound("An outing limit of village " + villageId));
    }

    /** Sets the limit; its periods start today (local), whatever they were before. */
    public OutingLimit setLimit(Caller caller, UUID villageId, HouseholdRequests.SetOutingLimit request) {
        managedVillage(caller, villageId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutingLimit limit = new OutingLimit(villageId, request.outings(), request.days(), LocalDate.ofInstant(now, zone));
        outings.setLimit(limit, caller.accountId(), now);
        audit.changed(AuditKind.OUTING_LIMIT_CHANGED, caller.accountId(), caller.role().name(), "PLACE", villageId,
                limit.outings() + " per " + limit.days() + " days");
        return limit;
    }

    public void removeLimit(Caller caller, UUID villageId) {
        managedVillage(caller, villageId);
        if (!outings.removeLimit(villageId)) {
            throw ProblemException.notFound("An outing limit of village " + villageId);
        }
        audit.changed(AuditKind.OUTING_LIMIT_CHANGED, caller.accountId(), caller.role().name(), "PLACE", villageId, "none");
    }

    private HouseholdView view(Caller caller, Household household) {
        return views(caller, household.villageId, List.of(household)).get(0);
    }

    private List<HouseholdView> views(Caller caller, UUID villageId, List<Household> page) {
        List<UUID> ids = page.stream().map(h -> h.id).toList();
        Map<UUID, PassRepository.Pass> live = passes.liveOf(ids);
        Map<UUID, OutingCounter.Count> counts = counter.now(villageId, ids);
        boolean personal = caller.managesVillage(villageId);
        return page.stream().map(h -> {
            PassRepository.Pass p = live.get(h.id);
            OutingCounter.Count count = counts.get(h.id);
            return new HouseholdView(h.id, h.villageId, h.label, h.head, Arrays.asList(h.members),
                    h.phone == null || personal ? h.phone : Phones.mask(h.phone), h.version,
                    count == null ? null : count.outings(), count == null ? null : count.period().start(),
                    count == null ? null : count.period().end(),
                    p == null ? null : new HouseholdView.PassSummary(p.serial(), TimeRange.local(p.issuedAt(), zone),
                            TimeRange.local(p.expiresAt(), zone), false));
        }).toList();
    }

    /** The household, if in the caller's area (else 404), and the caller keeps its village's register (else 403). */
    private Household managed(Caller caller, UUID id) {
        Household household = households.findById(id);
        if (household == null || !places.covers(caller, household.villageId)) {
            throw ProblemException.notFound("Household " + id);
        }
        requireCadreOf(caller, household.villageId);
        return household;
    }

    private Place managedVillage(Caller caller, UUID villageId) {
        Place village = village(caller, villageId);
        requireCadreOf(caller, villageId);
        return village;
    }

    private Place village(Caller caller, UUID villageId) {
        Place village = places.visible(caller, villageId);
        if (village.kind != PlaceKind.VILLAGE) {
            throw ProblemException.notFound("Village " + villageId);
        }
        return village;
    }

    private static void requireCadreOf(Caller caller, UUID villageId) {
        if (!caller.managesVillage(villageId)) {
            throw ProblemException.forbidden("The household register is kept by the village's cadre");
        }
    }

    private String uniqueLabel(UUID villageId, String label, UUID self) {
        String trimmed = label.trim();
        if (households.labelTaken(villageId, trimmed, self)) {
            throw ProblemException.conflict("A household labelled '" + trimmed + "' is already registered in this village");
        }
        return trimmed;
    }

    private static String[] members(List<String> members) {
        return members == null ? new String[0] : members.stream().map(String::trim).toArray(String[]::new);
    }

    private static String phone(String phone) {
        return phone == null || phone.isBlank() ? null : Phones.normalize("phone", phone);
    }

    private void flush() {
        try {
            households.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.changedMeanwhile("The household was changed meanwhile; reload it and apply your change again");
        }
    }

    private String write(Map<String, Object> claims) {
        try {
            return json.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
