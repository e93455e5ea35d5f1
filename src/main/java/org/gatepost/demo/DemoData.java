package org.gatepost.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.gatepost.account.Account;
import org.gatepost.account.AccountRepository;
import org.gatepost.caller.Caller;
import org.gatepost.account.Passwords;
import org.gatepost.account.Phones;
import org.gatepost.caller.Role;
import org.gatepost.account.Team;
import org.gatepost.account.TeamRepository;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.TimeRange;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceRepository;
import org.gatepost.roster.RosterService;
import org.gatepost.roster.ShiftRequests;
import org.gatepost.roster.ShiftView;

/**
 * The brief's county, in dev mode only: 慶元縣 > 濛洲街道 > 西演村 and 會溪村, their gates,
 * cadres, volunteer teams and a week's roster. Every demo account signs in with {@link #PASSWORD}; the README
 * lists the phone numbers. Production never has this bean.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoData {

    public static final String PASSWORD = "gatepost-demo";

    static final UUID COUNTY = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID TOWNSHIP = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID XIYAN = UUID.fromString("00000000-0000-4000-8000-000000000010");
    static final UUID HUIXI = UUID.fromString("00000000-0000-4000-8000-000000000020");

    private final PlaceRepository places;
    private final AccountRepository accounts;
    private final TeamRepository teams;
    private final RosterService roster;
    private final ZoneId zone;
    private final String passwordHash = Passwords.hash(PASSWORD);

    DemoData(PlaceRepository places, AccountRepository accounts, TeamRepository teams, RosterService roster,
             GatepostConfig config) {
        this.places = places;
        this.accounts = accounts;
        this.teams = teams;
        this.roster = roster;
        this.zone = config.timeZone();
    }

    @Transactional
    void load(@Observes StartupEvent event) {
        // Only into an empty database: dev mode keeps its data across starts, and a developer's
        // own places (or a demo county they changed) must not be added to or overwritten.
        if (places.count() > 0) {
            return;
        }
        place(COUNTY, PlaceKind.COUNTY, "慶元縣", null);
        place(TOWNSHIP, PlaceKind.TOWNSHIP, "濛洲街道", COUNTY);
        place(XIYAN, PlaceKind.VILLAGE, "西演村", TOWNSHIP);
        place(HUIXI, PlaceKind.VILLAGE, "會溪村", TOWNSHIP);
        place(UUID.fromString("00000000-0000-4000-8000-000000000011"), PlaceKind.CHECKPOINT, "西演村東口", XIYAN);
        place(UUID.fromString("00000000-0000-4000-8000-000000000012"), PlaceKind.CHECKPOINT, "西演村南橋", XIYAN);
        place(UUID.fromString("00000000-0000-4000-8000-000000000021"), PlaceKind.CHECKPOINT, "會溪村北口", HUIXI);
        place(UUID.fromString("00000000-0000-4000-8000-000000000022"), PlaceKind.CHECKPOINT, "會溪村溪邊路口", HUIXI);
        places.flush();

        Account admin = account("系統管理員", "13900000000", Role.ADMIN, null, null);
        account("縣婦聯 林主任", "13900000001", Role.OFFICIAL, COUNTY, null);
        account("濛洲街道 周幹事", "13900000002", Role.OFFICIAL, TOWNSHIP, null);
        account("西演村 陳書記", "13900000010", Role.CADRE, XIYAN, null);
        account("會溪村 劉主任", "13900000020", Role.CADRE, HUIXI, null);

        Team xiyanTeam = team("西演美麗幫幫團", XIYAN);
        List<Account> xiyan = List.of(
                account("葉澤雲", "13900000011", Role.VOLUNTEER, XIYAN, xiyanTeam.id),
                account("吳麗華", "13900000012", Role.VOLUNTEER, XIYAN, xiyanTeam.id),
                account("葉小芳", "13900000013", Role.VOLUNTEER, XIYAN, xiyanTeam.id),
                account("陳美玲", "13900000014", Role.VOLUNTEER, XIYAN, xiyanTeam.id));
        xiyanTeam.leaderId = xiyan.get(0).id;

        Team huixiTeam = team("會溪美麗幫幫團", HUIXI);
        List<Account> huixi = List.of(
                account("吳春美", "13900000021", Role.VOLUNTEER, HUIXI, huixiTeam.id),
                account("周雪梅", "13900000022", Role.VOLUNTEER, HUIXI, huixiTeam.id),
                account("劉秀英", "13900000023", Role.VOLUNTEER, HUIXI, huixiTeam.id),
                account("吳曉燕", "13900000024", Role.VOLUNTEER, HUIXI, huixiTeam.id));
        huixiTeam.leaderId = huixi.get(0).id;
        teams.flush();

        Caller system = new Caller(admin.id, admin.name, Role.ADMIN, null);
        rosterForAWeek(system, XIYAN, xiyan);
        rosterForAWeek(system, HUIXI, huixi);
        Log.info("Loaded the demo county 慶元縣; every demo account's password is " + PASSWORD);
    }

    /**
     * The default three shifts at both gates for a week from today, two volunteers each; the
     * evening shift at the second gate gets only one, so coverage shows a gap.
     */
    private void rosterForAWeek(Caller system, UUID villageId, List<Account> volunteers) {
        LocalDate today = LocalDate.now(zone);
        roster.generate(system, villageId, new ShiftRequests.Generate(today, today.plusDays(7)));
        Instant now = Instant.now();
        List<ShiftView> shifts = roster.list(system, villageId,
                new TimeRange(today.atStartOfDay(zone).toInstant(), today.plusDays(7).atStartOfDay(zone).toInstant()),
                null, 500).items();
        for (ShiftView shift : shifts) {
            if (!shift.endsAt().toInstant().isAfter(now)) {
                continue;
            }
            boolean firstGate = shift.checkpointName().endsWith("東口") || shift.checkpointName().endsWith("北口");
            boolean evening = shift.startsAt().getHour() >= 18;
            int first = firstGate ? 0 : 2;
            roster.assign(system, shift.id(), volunteers.get(first).id);
            if (firstGate || !evening) {
                roster.assign(system, shift.id(), volunteers.get(first + 1).id);
            }
        }
    }

    private void place(UUID id, PlaceKind kind, String name, UUID parentId) {
        Place place = new Place();
        place.id = id;
        place.kind = kind;
        place.name = name;
        place.parentId = parentId;
        places.persist(place);
        // The path trigger reads the parent's row, so each place is written before its children.
        places.flush();
    }

    private Team team(String name, UUID villageId) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.name = name;
        team.villageId = villageId;
        teams.persist(team);
        teams.flush();
        return team;
    }

    private Account account(String name, String phone, Role role, UUID placeId, UUID teamId) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = name;
        account.phone = Phones.normalize("phone", phone);
        account.passwordHash = passwordHash;
        account.role = role;
        account.placeId = placeId;
        account.teamId = teamId;
        accounts.persist(account);
        accounts.flush();
        return account;
    }
}
