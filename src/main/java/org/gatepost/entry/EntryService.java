package org.gatepost.entry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.audit.AuditKind;
import org.gatepost.audit.AuditLog;
import org.gatepost.account.Phones;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Page;
import org.gatepost.common.Problem;
import org.gatepost.common.ProblemException;
import org.gatepost.household.PassRepository;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Recording entries, one or a batch from a phone that was offline: each is checked against
 * the rule at the gate and written once by its id; the counts include it from its commit on.
 */
@ApplicationScoped
public class EntryService {

    public static final int LARGEST_BATCH = 500;

    private final EntryRepository entries;
    private final GroupCommit groupCommit;
    private final CheckpointCache checkpointCache;
    private final AlertService alerts;
    private final PlaceService places;
    private final PhoneHasher phones;
    private final EntryPolicy policy;
    private final AuditLog audit;
    private final IngestMetrics metrics;
    private final PassRepository passRepository;
    private final ZoneId zone;

    EntryService(EntryRepository entries, GroupCommit groupCommit, CheckpointCache checkpointCache, AlertService alerts, PlaceService places,
                 PhoneHasher phones, GatepostConfig config, AuditLog audit, IngestMetrics metrics,
                 PassRepository passRepository) {
        this.audit = audit;
        this.passRepository = passRepository;
        this.metrics = metrics;
        this.entries = entries;
        this.groupCommit = groupCommit;
        this.checkpointCache = checkpointCache;
        this.alerts = alerts;
        this.places = places;
        this.phones = phones;
        this.policy = new EntryPolicy(config.gate().feverThreshold(), config.retention());
        this.zone = config.timeZone();
    }

    /** What became of one item. */
    @Schema(name = "EntryOutcome")
    public enum Status { CREATED, DUPLICATE, CONFLICT, REJECTED }

    /** One item's outcome, in the order sent; a created or recognised entry comes with its view. */
    public record Outcome(UUID id, Status status, Problem problem, EntryView view) {

        Outcome(UUID id, Status status, Problem problem) {
            this(id, status, problem, null);
        }
    }

    /**
     * An item as it arrived: either a readable request, or the problem that made it unreadable
     * (then {@code id} is whatever id could be read, if any).
     */
    public record Item(UUID id, EntryRequest request, Problem problem) {
    }

    /**
     * Records the items and answers each one's outcome. Rejected items are left out; the good
     * ones are written by one statement, maybe shared with concurrent requests, committed before
     * this returns (see {@link GroupCommit} and {@link EntryRepository#insert}).
     */
    public List<Outcome> record(Caller caller, List<Item> items) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<UUID, EntryRepository.CheckpointFacts> checkpoints = checkpointCache.get(items.stream()
                .filter(i -> i.request() != null).map(i -> i.request().checkpointId()).distinct().toList());
        Map<UUID, PassRepository.HouseholdPasses> passes = passRepository.ofHouseholds(items.stream()
                .filter(i -> i.request() != null && i.request().pass() != null)
                .map(i -> i.request().pass().householdId()).distinct().toList());
        Outcome[] outcomes = new Outcome[items.size()];
        List<EntryRow> rows = new ArrayList<>();
        Map<Integer, EntryRow> rowOfItem = new LinkedHashMap<>(); // in the order sent: a repeated id's first item is the one created
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.problem() != null) {
                outcomes[i] = new Outcome(item.id(), Status.REJECTED, item.problem());
                continue;
            }
            try {
                EntryRow row = row(caller, item.request(), checkpoints, passes, now);
                rowOfItem.put(i, row);
                if (queued.add(row.id())) {
                    rows.add(row);
                }
            } catch (ProblemException e) {
                outcomes[i] = new Outcome(item.request().id(), Status.REJECTED, e.problem());
            }
        }
        Map<UUID, AlertKind> alerting = new HashMap<>();
        for (EntryRow row : rows) {
            policy.alertFor(row.healthCode(), row.temperature(), row.decision()).ifPresent(kind -> alerting.put(row.id(), kind));
        }
        EntryRepository.Written written = groupCommit.insert(rows, alerting);
        Map<UUID, Optional<UUID>> created = written.created();
        Set<UUID> alerted = new HashSet<>();
        rows.stream().filter(r -> alerting.containsKey(r.id()) && created.containsKey(r.id()))
                .forEach(r -> alerted.add(r.villageId()));
        if (!alerted.isEmpty()) {
            alerts.raised(alerted);
        }
        Set<UUID> others = new HashSet<>();
        rowOfItem.forEach((i, row) -> {
            Optional<UUID> shift = created.remove(row.id());
            if (shift == null) {
                others.add(row.id());
            } else {
                outcomes[i] = new Outcome(row.id(), Status.CREATED, null, view(caller, row.withShift(shift.orElse(null))));
            }
        });
        // Stored before this statement: read by it. Stored meanwhile by another request (also one
        // sharing this statement, see GroupCommit), or an id repeated within this batch: one more
        // read, which sees what has been committed since.
        Map<UUID, EntryRow> stored = new HashMap<>(written.existing());
        others.removeAll(stored.keySet());
        stored.putAll(entries.stored(others));
        rowOfItem.forEach((i, row) -> {
            if (outcomes[i] == null) {
                EntryRow entry = stored.get(row.id());
                // Digested by the rule the entry was stored with, which may be an earlier one.
                boolean same = entry != null && entry.contentHash() != null && Arrays.equals(entry.contentHash(),
                        entry.contentDigestVersion() == ContentDigest.CURRENT ? row.contentHash()
                                : ContentDigest.of(entry.contentDigestVersion(), items.get(i).request()));
                outcomes[i] = same ? new Outcome(row.id(), Status.DUPLICATE, null, view(caller, entry))
                        : new Outcome(row.id(), Status.CONFLICT, ProblemException.conflict(
                                "Another entry with this id is already recorded; a new entry needs a new id").problem());
            }
        });
        for (Outcome outcome : outcomes) {
            metrics.outcome(outcome);
        }
        return List.of(outcomes);
    }

    @Transactional
    public EntryView get(Caller caller, UUID id) {
        EntryRow entry = entries.find(id).orElse(null);
        if (entry == null || !places.covers(caller, entry.checkpointId())) {
            throw ProblemException.notFound("Entry " + id);
        }
        return view(caller, entry);
    }

    @Transactional
    public Page<EntryView> list(Caller caller, UUID placeId, Instant from, Instant to, String visitorPhone,
                                Decision decision, HealthCode healthCode, Cursor before, int limit) {
        Place top = places.visible(caller, placeId);
        // Entries stored before phones were kept in E.164 were hashed over the number as typed: look for those forms too.
        List<byte[]> phoneHashes = visitorPhone == null ? null
                : Phones.earlierForms(Phones.normalize("visitorPhone", visitorPhone)).stream().map(phones::hash).toList();
        return Page.of(entries.below(top.id, from, to, phoneHashes, decision, healthCode, before, limit + 1), limit,
                e -> new Cursor(e.occurredAt().toString(), e.id()), e -> view(caller, e));
    }

    /**
     * A repeat visitor's entries, for the people of the village that registered them (an
     * administrator names the place): officials above never follow one person around.
     */
    @Transactional
    public Page<EntryView> visitorSearch(Caller caller, UUID placeId, Instant from, Instant to, String visitorPhone,
                                         Cursor before, int limit) {
        UUID within;
        if (caller.isAdmin()) {
            if (placeId == null) {
                throw ProblemException.invalid("placeId", "is required for an administrator");
            }
            within = placeId;
        } else {
            within = placeId == null ? caller.placeId() : placeId;
            if (caller.placeId() == null || !places.covers(caller, within)) {
                throw ProblemException.rule("placeId", "no such place in your village");
            }
        }
        return list(caller, within, from, to, visitorPhone, null, null, before, limit);
    }

    /** Voids a mistaken entry: it leaves every count, and who voided it, when and why is kept. */
    @Transactional
    public EntryView voidEntry(Caller caller, UUID id, String reason) {
        EntryRow entry = entries.find(id).orElse(null);
        if (entry == null || !places.covers(caller, entry.checkpointId())) {
            throw ProblemException.notFound("Entry " + id);
        }
        if (!caller.managesVillage(entry.villageId())) {
            throw ProblemException.forbidden("Entries are voided by the cadre of their village");
        }
        if (!entries.voidEntry(id, caller.accountId(), reason.trim(), Instant.now().truncatedTo(ChronoUnit.SECONDS))) {
            throw ProblemException.conflict("This entry is already voided");
        }
        alerts.closeForVoidedEntry(id, caller.accountId(), reason.trim());
        audit.changed(AuditKind.ENTRY_VOIDED, caller.accountId(), caller.role().name(), "ENTRY", id, null);
        return view(caller, entries.find(id).orElseThrow());
    }

    /** Checks one request (scope, then the rule at the gate) and normalises it into a row. */
    private EntryRow row(Caller caller, EntryRequest request, Map<UUID, EntryRepository.CheckpointFacts> checkpoints,
                         Map<UUID, PassRepository.HouseholdPasses> passes, Instant now) {
        EntryRepository.CheckpointFacts checkpoint = checkpoints.get(request.checkpointId());
        boolean ours = checkpoint != null && PlaceKind.CHECKPOINT.name().equals(checkpoint.kind())
                && Objects.equals(checkpoint.villageId(), caller.placeId());
        if (!ours) {
            throw ProblemException.rule("checkpointId", "no such checkpoint in your village");
        }
        if (!checkpoint.active()) {
            throw ProblemException.rule("checkpointId", "the checkpoint is closed (deactivated)");
        }
        BigDecimal temperature = request.temperature() == null ? null
                : request.temperature().setScale(1, RoundingMode.HALF_UP);
        EntryRequest.Visitor visitor = request.visitor();
        String origin = visitor == null ? null : blankToNull(visitor.origin());
        String purpose = visitor == null ? null : blankToNull(visitor.purpose());
        String name = visitor == null ? null : blankToNull(visitor.name());
        String plate = visitor == null ? null : blankToNull(visitor.plate());
        String phone = visitor == null || blankToNull(visitor.phone()) == null ? null
                : Phones.normalize("visitor.phone", visitor.phone());
        boolean anyVisitorDetail = origin != null || purpose != null || name != null || plate != null || phone != null;
        Instant occurredAt = request.occurredAt().toInstant();
        Optional<EntryPolicy.Violation> violation = policy.check(new EntryPolicy.Facts(occurredAt, request.resident(),
                request.healthCode(), temperature, request.decision(), origin != null, purpose != null, anyVisitorDetail,
                request.reasonCode() != null), now);
        if (violation.isPresent()) {
            throw ProblemException.rule(violation.get().field(), violation.get().message());
        }
        checkPass(request.pass(), checkpoint.villageId(), passes);
        return new EntryRow(request.id(), checkpoint.countyId(), checkpoint.id(), checkpoint.villageId(), occurredAt,
                request.occurredAt().getOffset().getTotalSeconds(), now, request.direction(), request.resident(),
                request.partySize(), request.healthCode(), request.healthCodeRead(), temperature, policy.isFever(temperature),
                request.decision(), policy.reasonCode(request.healthCode(), temperature, request.decision(), request.reasonCode()),
                blankToNull(request.reason()), blankToNull(request.note()), origin, purpose, name,
                phone == null ? null : phone.substring(Math.max(0, phone.length() - 4)),
                phone == null ? null : phones.hash(phone), plate, ContentDigest.current(request, phone),
                ContentDigest.CURRENT, caller.accountId(), null, null, null, null,
                request.pass() == null ? null : request.pass().householdId(),
                request.pass() == null ? null : request.pass().serial());
    }

    /**
     * A pass named by an entry must be one issued to a household of the checkpoint's village; a
     * pass revoked (or a household deleted) since the scan still counts: the outing happened.
     */
    private static void checkPass(EntryRequest.PassRef pass, UUID villageId, Map<UUID, PassRepository.HouseholdPasses> passes) {
        if (pass == null) {
            return;
        }
        PassRepository.HouseholdPasses issued = passes.get(pass.householdId());
        if (issued == null || !issued.villageId().equals(villageId)) {
            throw ProblemException.rule("pass.householdId", "no such household in the checkpoint's village");
        }
        if (!issued.serials().contains(pass.serial())) {
            throw ProblemException.rule("pass.serial", "no pass with this serial was issued to the household");
        }
    }

    private EntryView view(Caller caller, EntryRow e) {
        // Visitors' personal details are for the village that registered them, not for officials above.
        return EntryView.of(e, caller.isAdmin() || e.villageId().equals(caller.placeId()), zone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
