package org.gatepost.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.gatepost.account.Account;
import org.gatepost.account.AccountDeactivated;
import org.gatepost.account.AccountRepository;
import org.gatepost.caller.Caller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceRepository;
import org.gatepost.place.PlaceService;

/**
 * The village roster: templates, shifts, who stands at which gate when, and check-in. The
 * village's cadre (and admins) plan it; volunteers see and work their own shifts.
 */
@ApplicationScoped
@Transactional
public class RosterService {

    /** The article's "three groups from morning to night". */
    static final List<ShiftTemplateView> DEFAULT_TEMPLATES = List.of(
            new ShiftTemplateView("早班", "06:00", "12:00", 2),
            new ShiftTemplateView("午班", "12:00", "18:00", 2),
            new ShiftTemplateView("晚班", "18:00", "24:00", 2));
    static final Duration CHECK_IN_OPENS_BEFORE = Duration.ofMinutes(30);
    static final int LONGEST_GENERATION_DAYS = 62;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final ShiftRepository shifts;
    private final AssignmentRepository assignments;
    private final AccountRepository accounts;
    private final PlaceRepository placeRepository;
    private final PlaceService places;
    private final ZoneId zone;

    RosterService(ShiftRepository shifts, AssignmentRepository assignments, AccountRepository accounts,
                  PlaceRepository placeRepository, PlaceService places, GatepostConfig config) {
        this.shifts = shifts;
        this.assignments = assignments;
        this.accounts = accounts;
        this.placeRepository = placeRepository;
        this.places = places;
        this.zone = config.timeZone();
    }

    // ---- templates ----

    public List<ShiftTemplateView> templates(Caller caller, UUID villageId) {
        Place village = village(caller, villageId);
        List<ShiftTemplate> stored = shifts.templates(village.id);
        return stored.isEmpty() ? DEFAULT_TEMPLATES : stored.stream().map(RosterService::view).toList();
    }

    public List<ShiftTemplateView> replaceTemplates(Caller caller, UUID villageId, List<ShiftTemplateView> requested) {
        Place village = village(caller, villageId);
        requireCadreOf(caller, village.id);
        if (requested.isEmpty() || requested.size() > 12) {
            throw ProblemException.invalid("body", "send 1 to 12 shift templates");
        }
        List<ShiftTemplate> templates = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ShiftTemplateView view = requested.get(i);
            ShiftTemplate template = new ShiftTemplate();
            template.id = UUID.randomUUID();
            template.villageId = village.id;
            template.position = i;
            template.name = view.name().trim();
            template.startTime = clock(view.start());
            template.endTime = clock(view.end());
            template.minStaff = view.minStaff();
            if (template.startTime.equals(template.endTime)) {
                throw ProblemException.rule("[" + i + "].end", "a shift cannot start and end at the same time");
            }
            templates.add(template);
        }
        for (int i = 0; i < templates.size(); i++) {
            for (int j = i + 1; j < templates.size(); j++) {
                if (overlap(templates.get(i), templates.get(j))) {
                    throw ProblemException.rule("[" + j + "]", "'" + templates.get(j).name + "' overlaps '"
                            + templates.get(i).name + "'; a day's shifts follow one another");
                }
            }
        }
        shifts.replaceTemplates(village.id, templates);
        return templates.stream().map(RosterService::view).toList();
    }

    // ---- shifts ----

    /** Creates the templates' shifts for every active checkpoint of the village and every day of [from, to). */
    public ShiftRequests.Generated generate(Caller caller, UUID villageId, ShiftRequests.Generate request) {
        Place village = village(caller, villageId);
        requireCadreOf(caller, village.id);
        TimeRange.plausible("from", request.from().atStartOfDay(zone).toInstant());
        TimeRange.plausible("to", request.to().atStartOfDay(zone).toInstant());
        if (!request.to().isAfter(request.from())) {
            throw ProblemException.invalid("to", "must be after from (to is the first day not generated)");
        }
        if (request.from().plusDays(LONGEST_GENERATION_DAYS).isBefore(request.to())) {
            throw ProblemException.invalid("to", "generate at most " + LONGEST_GENERATION_DAYS + " days at once");
        }
        List<ShiftTemplateView> templates = templates(caller, village.id);
        List<Place> checkpoints = placeRepository.list("parentId = ?1 and kind = ?2 and active = true order by name",
                village.id, PlaceKind.CHECKPOINT);
        shifts.lockVillage(village.id);
        int created = 0;
        for (LocalDate day = request.from(); day.isBefore(request.to()); day = day.plusDays(1)) {
            for (ShiftTemplateView template : templates) {
                Instant start = day.atTime(clock(template.start())).atZone(zone).toInstant();
                LocalTime endClock = clock(template.end());
                LocalDate endDay = endClock.isAfter(clock(template.start())) ? day : day.plusDays(1);
                Instant end = endDay.atTime(endClock).atZone(zone).toInstant();
                for (Place checkpoint : checkpoints) {
                    // Never twice, and never on top of a shift the cadre moved or cancelled.
                    if (!shifts.anyOverlapping(checkpoint.id, start, end, new UUID(0, 0), true)) {
                        persist(checkpoint, start, end, template.minStaff());
                        created++;
                    }
                }
            }
        }
        return new ShiftRequests.Generated(created);
    }

    public ShiftView create(Caller caller, ShiftRequests.Create request) {
        Place checkpoint = places.referenced(caller, request.checkpointId(), "checkpointId");
        if (checkpoint.kind != PlaceKind.CHECKPOINT) {
            throw ProblemException.rule("checkpointId", "shifts are held at a CHECKPOINT, not a " + checkpoint.kind);
        }
        requireCadreOf(caller, checkpoint.parentId);
        if (!checkpoint.active) {
            throw ProblemException.rule("checkpointId", "the checkpoint is deactivated");
        }
        Instant start = request.startsAt().toInstant();
        Instant end = request.endsAt().toInstant();
        checkTimes(start, end);
        shifts.lockVillage(checkpoint.parentId);
        if (shifts.anyOverlapping(checkpoint.id, start, end, new UUID(0, 0), false)) {
            throw ProblemException.conflict("This checkpoint already has a shift at that time");
        }
        Shift shift = persist(checkpoint, start, end, request.minStaff());
        return view(shift, checkpoint.name, List.of(), Instant.now());
    }

    public ShiftView update(Caller caller, UUID shiftId, ShiftRequests.Update request, IfMatch ifMatch) {
        Shift shift = lockedShift(caller, shiftId, false);
        requireCadreOf(caller, shift.villageId);
        ifMatch.require(shift.version, "Shift " + shiftId);
        if (request.minStaff() != null) {
            shift.minStaff = request.minStaff();
        }
        if (request.startsAt() != null || request.endsAt() != null) {
            Instant start = request.startsAt() != null ? request.startsAt().toInstant() : shift.startsAt;
            Instant end = request.endsAt() != null ? request.endsAt().toInstant() : shift.endsAt;
            checkTimes(start, end);
            shifts.lockVillage(shift.villageId);
            if (shifts.anyOverlapping(shift.checkpointId, start, end, shift.id, false)) {
                throw ProblemException.conflict("This checkpoint already has another shift at that time");
            }
            for (AssignmentRepository.Row row : assignments.forShifts(List.of(shift.id))) {
                Optional<UUID> clash = assignments.overlapping(row.volunteerId(), start, end, shift.id);
                if (clash.isPresent()) {
                    throw ProblemException.conflict(row.name() + " is already on a shift at that time: " + describe(clash.get()));
                }
            }
            shift.startsAt = start;
            shift.endsAt = end;
            assignments.retime(shift);
        }
        shifts.flush();
        return view(shift);
    }

    /** Cancels a shift nobody has checked in to; it disappears from rosters and frees its volunteers. */
    public void cancel(Caller caller, UUID shiftId, IfMatch ifMatch) {
        Shift shift = lockedShift(caller, shiftId, false);
        requireCadreOf(caller, shift.villageId);
        ifMatch.require(shift.version, "Shift " + shiftId);
        if (assignments.checkedIn(shift.id) > 0) {
            throw ProblemException.conflict("Volunteers have already checked in to this shift; it cannot be cancelled");
        }
        assignments.deleteAll(shift.id);
        shift.cancelledAt = Instant.now();
        shifts.flush();
    }

    public Page<ShiftView> list(Caller caller, UUID placeId, TimeRange range, Cursor after, int limit) {
        Place top = places.visible(caller, placeId);
        List<Shift> rows = shifts.below(top.id, range.from(), range.to(), after, limit + 1);
        Page<Shift> page = Page.of(rows, limit, s -> new Cursor(s.startsAt.toString(), s.id), s -> s);
        return new Page<>(views(page.items()), page.nextCursor());
    }

    public ShiftView get(Caller caller, UUID shiftId) {
        return view(visibleShift(caller, shiftId));
    }

    // ---- assignments ----

    public ShiftView assign(Caller caller, UUID shiftId, UUID volunteerId) {
        Shift shift = lockedShift(caller, shiftId, true);
        requireCadreOf(caller, shift.villageId);
        Account volunteer = accounts.findById(volunteerId);
        if (volunteer == null || volunteer.role != Role.VOLUNTEER || !shift.villageId.equals(volunteer.placeId)) {
            throw ProblemException.rule("volunteerId", "no such volunteer in the shift's village");
        }
        if (!volunteer.active) {
            throw ProblemException.rule("volunteerId", "the volunteer's account is deactivated");
        }
        if (!shift.endsAt.isAfter(Instant.now())) {
            throw ProblemException.rule("shiftId", "the shift is over");
        }
        if (!assignments.insert(shift, volunteer.id, caller.accountId())) {
            Optional<UUID> clash = assignments.overlapping(volunteer.id, shift.startsAt, shift.endsAt, shift.id);
            if (clash.isPresent()) {
                throw ProblemException.conflict(volunteer.name + " is already on an overlapping shift: " + describe(clash.get()));
            }
            // Otherwise already assigned here: assigning again changes nothing.
        }
        return view(shift);
    }

    public void unassign(Caller caller, UUID shiftId, UUID volunteerId) {
        Shift shift = lockedShift(caller, shiftId, true);
        requireCadreOf(caller, shift.villageId);
        AssignmentRepository.Row row = assignments.find(shift.id, volunteerId)
                .orElseThrow(() -> ProblemException.notFound("Assignment of " + volunteerId));
        if (row.checkedInAt() != null) {
            throw ProblemException.conflict(row.name() + " has already checked in to this shift");
        }
        assignments.delete(shift.id, volunteerId);
    }

    /** A deactivated volunteer no longer stands on the shifts ahead, so coverage shows the gap. */
    void onDeactivated(@Observes AccountDeactivated event) {
        assignments.deleteUpcoming(event.accountId(), Instant.now());
    }

    // ---- on duty ----

    public List<MyShiftView> myShifts(Caller caller) {
        return mine(caller.accountId(), Instant.now());
    }

    public MyShiftView checkIn(Caller caller, UUID shiftId) {
        Shift shift = lockedShift(caller, shiftId, true);
        AssignmentRepository.Row row = ownAssignment(caller, shift);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (row.checkedInAt() == null) {
            Instant opens = shift.startsAt.minus(CHECK_IN_OPENS_BEFORE);
            if (now.isBefore(opens)) {
                throw ProblemException.rule("checkIn", "check-in opens 30 minutes before the shift, at "
                        + CLOCK.format(opens.atZone(zone)));
            }
            if (!now.isBefore(shift.endsAt)) {
                throw ProblemException.rule("checkIn", "the shift ended at " + CLOCK.format(shift.endsAt.atZone(zone)));
            }
            assignments.checkIn(shift.id, caller.accountId(), now);
        }
        return own(caller, shift.id, now);
    }

    public MyShiftView checkOut(Caller caller, UUID shiftId, ShiftRequests.CheckOut request) {
        Shift shift = lockedShift(caller, shiftId, true);
        AssignmentRepository.Row row = ownAssignment(caller, shift);
        if (row.checkedInAt() == null) {
            throw ProblemException.rule("checkOut", "check in before checking out");
        }
        if (row.checkedOutAt() != null) {
            throw ProblemException.conflict("You have already checked out of this shift");
        }
        String note = request == null || request.handoverNote() == null || request.handoverNote().isBlank()
                ? null : request.handoverNote().trim();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assignments.checkOut(shift.id, caller.accountId(), now, note);
        return own(caller, shift.id, now);
    }

    // ---- helpers ----

    private AssignmentRepository.Row ownAssignment(Caller caller, Shift shift) {
        return assignments.find(shift.id, caller.accountId())
                .orElseThrow(() -> ProblemException.rule("shiftId", "you are not assigned to this shift"));
    }

    private MyShiftView own(Caller caller, UUID shiftId, Instant now) {
        return mine(caller.accountId(), now.minus(Duration.ofDays(1))).stream()
                .filter(s -> s.id().equals(shiftId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Shift " + shiftId));
    }

    private List<MyShiftView> mine(UUID volunteerId, Instant endingAfter) {
        Instant now = Instant.now();
        List<AssignmentRepository.OwnShift> own = assignments.ownShifts(volunteerId, endingAfter);
        Map<UUID, List<MyShiftView.Handover>> handovers = assignments.handoversBefore(own.stream().map(o -> o.shiftId()).toList())
                .stream().collect(Collectors.groupingBy(AssignmentRepository.HandoverRow::forShift,
                        Collectors.mapping(h -> new MyShiftView.Handover(h.name(), h.note(), local(h.at())), Collectors.toList())));
        Map<UUID, List<MyShiftView.Colleague>> colleagues = assignments.forShifts(own.stream().map(o -> o.shiftId()).toList())
                .stream().filter(r -> !r.volunteerId().equals(volunteerId))
                .collect(Collectors.groupingBy(AssignmentRepository.Row::shiftId, Collectors.mapping(
                        r -> new MyShiftView.Colleague(r.name(), statusOf(r, own, now)), Collectors.toList())));
        return own.stream().map(o -> new MyShiftView(o.shiftId(), o.checkpointId(), o.checkpointName(),
                local(o.startsAt()), local(o.endsAt()), o.minStaff(),
                AssignmentStatus.of(o.checkedInAt(), o.checkedOutAt(), o.endsAt(), now),
                local(o.checkedInAt()), local(o.checkedOutAt()), o.handoverNote(),
                handovers.getOrDefault(o.shiftId(), List.of()),
                colleagues.getOrDefault(o.shiftId(), List.of()))).toList();
    }

    private static AssignmentStatus statusOf(AssignmentRepository.Row row, List<AssignmentRepository.OwnShift> own, Instant now) {
        Instant ends = own.stream().filter(o -> o.shiftId().equals(row.shiftId())).findFirst().orElseThrow().endsAt();
        return AssignmentStatus.of(row.checkedInAt(), row.checkedOutAt(), ends, now);
    }

    /** "shift 5f0c… at 西演村東口, 2020-02-12 18:00–24:00", for a person reading a conflict. */
    private String describe(UUID shiftId) {
        Shift shift = shifts.findById(shiftId);
        Place checkpoint = placeRepository.findById(shift.checkpointId);
        ZonedDateTime start = shift.startsAt.atZone(zone);
        ZonedDateTime end = shift.endsAt.atZone(zone);
        return "shift " + shift.id + " at " + checkpoint.name + ", " + start.toLocalDate() + " " + CLOCK.format(start)
                + "–" + (end.toLocalTime().equals(LocalTime.MIDNIGHT) ? "24:00" : CLOCK.format(end));
    }

    private Shift persist(Place checkpoint, Instant start, Instant end, int minStaff) {
        Shift shift = new Shift();
        shift.id = UUID.randomUUID();
        shift.checkpointId = checkpoint.id;
        shift.villageId = checkpoint.parentId;
        shift.startsAt = start;
        shift.endsAt = end;
        shift.minStaff = minStaff;
        shifts.persist(shift);
        return shift;
    }

    private static void checkTimes(Instant start, Instant end) {
        TimeRange.plausible("startsAt", start);
        TimeRange.plausible("endsAt", end);
        if (!end.isAfter(start)) {
            throw ProblemException.rule("endsAt", "a shift ends after it starts");
        }
        if (Duration.between(start, end).compareTo(Duration.ofHours(24)) > 0) {
            throw ProblemException.rule("endsAt", "a shift lasts at most 24 hours");
        }
    }

    private Shift visibleShift(Caller caller, UUID shiftId) {
        return visible(caller, shiftId, shifts.findById(shiftId));
    }

    /** The shift, locked (see {@link ShiftRepository#lock}): read after any change committed before. */
    private Shift lockedShift(Caller caller, UUID shiftId, boolean bump) {
        return visible(caller, shiftId, shifts.lock(shiftId, bump));
    }

    private Shift visible(Caller caller, UUID shiftId, Shift shift) {
        if (shift == null || shift.cancelledAt != null || !places.covers(caller, shift.checkpointId)) {
            throw ProblemException.notFound("Shift " + shiftId);
        }
        return shift;
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
            throw ProblemException.forbidden("The roster is planned by the village's cadre");
        }
    }

    private ShiftView view(Shift shift) {
        return views(List.of(shift)).get(0);
    }

    private List<ShiftView> views(List<Shift> page) {
        Instant now = Instant.now();
        Map<UUID, List<AssignmentRepository.Row>> rows = assignments.forShifts(page.stream().map(s -> s.id).toList())
                .stream().collect(Collectors.groupingBy(AssignmentRepository.Row::shiftId));
        Map<UUID, String> names = placeRepository.list("id in ?1", page.stream().map(s -> s.checkpointId).distinct().toList())
                .stream().collect(Collectors.toMap(p -> p.id, p -> p.name));
        return page.stream().map(s -> view(s, names.get(s.checkpointId), rows.getOrDefault(s.id, List.of()), now)).toList();
    }

    private ShiftView view(Shift shift, String checkpointName, List<AssignmentRepository.Row> rows, Instant now) {
        return new ShiftView(shift.id, shift.checkpointId, checkpointName, local(shift.startsAt), local(shift.endsAt),
                shift.minStaff, rows.stream().map(r -> new ShiftView.AssignmentView(r.volunteerId(), r.name(),
                        AssignmentStatus.of(r.checkedInAt(), r.checkedOutAt(), shift.endsAt, now),
                        local(r.checkedInAt()), local(r.checkedOutAt()), r.handoverNote())).toList(), shift.version);
    }

    private OffsetDateTime local(Instant instant) {
        return TimeRange.local(instant, zone);
    }

    private static ShiftTemplateView view(ShiftTemplate template) {
        String end = template.endTime.equals(LocalTime.MIDNIGHT) ? "24:00" : CLOCK.format(template.endTime);
        return new ShiftTemplateView(template.name, CLOCK.format(template.startTime), end, template.minStaff);
    }

    private static LocalTime clock(String text) {
        return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    /** Whether two daily shifts share any minute, cross-midnight ones included. */
    static boolean overlap(ShiftTemplate a, ShiftTemplate b) {
        int[] x = minutes(a);
        int[] y = minutes(b);
        for (int shift = -1440; shift <= 1440; shift += 1440) {
            if (x[0] < y[1] + shift && y[0] + shift < x[1]) {
                return true;
            }
        }
        return false;
    }

    private static int[] minutes(ShiftTemplate template) {
        int start = template.startTime.toSecondOfDay() / 60;
        int end = template.endTime.toSecondOfDay() / 60;
        return new int[] {start, end <= start ? end + 1440 : end};
    }
}
