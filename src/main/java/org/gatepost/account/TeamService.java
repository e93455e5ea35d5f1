package org.gatepost.account;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.gatepost.caller.Caller;
import org.gatepost.caller.Role;
import org.gatepost.common.IfMatch;
import org.gatepost.common.ProblemException;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceService;

/** Volunteer teams: admins and the village's cadre manage them; everyone in the area reads them. */
@ApplicationScoped
@Transactional
public class TeamService {

    private final TeamRepository teams;
    private final AccountRepository accounts;
    private final PlaceService places;

    TeamService(TeamRepository teams, AccountRepository accounts, PlaceService places) {
        this.teams = teams;
        this.accounts = accounts;
        this.places = places;
    }

    public List<TeamView> list(Caller caller, UUID placeId) {
        UUID top = placeId != null ? places.visible(caller, placeId).id : caller.placeId();
        List<Team> found = top == null ? teams.listAll(Sort.by("name").and("id")) : teams.below(top);
        return found.stream().map(this::view).toList();
    }

    public TeamView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    public TeamView create(Caller caller, CreateTeamRequest request) {
        Place village = places.referenced(caller, request.villageId(), "villageId");
        if (village.kind != PlaceKind.VILLAGE) {
            throw ProblemException.rule("villageId", "teams belong to a VILLAGE, not a " + village.kind);
        }
        requireManager(caller, village.id);
        String name = request.name().trim();
        if (teams.nameTaken(village.id, name, new UUID(0, 0))) {
            throw ProblemException.conflict("This village already has a team named '" + name + "'");
        }
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.villageId = village.id;
        team.name = name;
        teams.persist(team);
        teams.flush();
        if (request.leaderId() != null) {
            team.leaderId = leader(team, request.leaderId());
        }
        teams.flush();
        return view(team);
    }

    public TeamView update(Caller caller, UUID id, UpdateTeamRequest request, IfMatch ifMatch) {
        Team team = visible(caller, id);
        requireManager(caller, team.villageId);
        ifMatch.require(team.version, "Team " + id);
        if (request.name() != null) {
            String name = request.name().trim();
            if (teams.nameTaken(team.villageId, name, team.id)) {
                throw ProblemException.conflict("This village already has a team named '" + name + "'");
            }
            team.name = name;
        }
        if (request.leaderId() != null) {
            team.leaderId = request.leaderId().isPresent() ? leader(team, request.leaderId().get()) : null;
        }
        if (request.active() != null) {
            team.active = request.active();
        }
        teams.flush();
        return view(team);
    }

    private Team visible(Caller caller, UUID id) {
        Team team = teams.findById(id);
        if (team == null || !places.covers(caller, team.villageId)) {
            throw ProblemException.notFound("Team " + id);
        }
        return team;
    }

    private void requireManager(Caller caller, UUID villageId) {
        if (!caller.managesVillage(villageId)) {
            throw ProblemException.forbidden("Teams are managed by the cadre of their village");
        }
    }

    /** The new leader: an active volunteer of the team's village, who thereby joins the team. */
    private UUID leader(Team team, UUID leaderId) {
        Account leader = accounts.findById(leaderId);
        if (leader == null || leader.role != Role.VOLUNTEER || !team.villageId.equals(leader.placeId)) {
            throw ProblemException.rule("leaderId", "no such volunteer in the team's village");
        }
        if (!leader.active) {
            throw ProblemException.rule("leaderId", "the volunteer's account is deactivated");
        }
        if (leader.teamId != null && !leader.teamId.equals(team.id)) {
            throw ProblemException.rule("leaderId", "the volunteer belongs to another team");
        }
        leader.teamId = team.id;
        return leader.id;
    }

    private TeamView view(Team team) {
        return new TeamView(team.id, team.name, team.villageId, team.leaderId, team.active, accounts.members(team.id), team.version);
    }
}
