package org.gatepost.account;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.caller.Role;
import org.gatepost.audit.AuditKind;
import org.gatepost.audit.AuditLog;
import org.gatepost.common.Cursor;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.ProblemException;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceService;

/**
 * Accounts and who may manage them: admins all of them; a cadre the volunteers of their own
 * village; officials and cadres read those in their area.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final TeamRepository teams;
    private final PlaceService places;
    private final Event<AccountDeactivated> deactivated;
    private final Event<AccountChanged> changed;

    AccountService(AccountRepository accounts, TeamRepository teams, PlaceService places,
                   Event<AccountDeactivated> deactivated, Event<AccountChanged> changed, AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.teams = teams;
        this.places = places;
        this.deactivated = deactivated;
        this.changed = changed;
    }

    public AccountView me(Caller caller) {
        return AccountView.of(accounts.findById(caller.accountId()), true);
    }

    public AccountView get(Caller caller, UUID id) {
        Account account = visible(caller, id);
        return view(caller, account);
    }

    public Page<AccountView> list(Caller caller, UUID placeId, Cursor after, int limit) {
        UUID top = placeId != null ? places.visible(caller, placeId).id : caller.placeId();
        return Page.of(accounts.below(top, after, limit + 1), limit, a -> new Cursor(a.name, a.id), a -> view(caller, a));
    }

    public AccountView create(Caller caller, CreateAccountRequest request) {
        if (caller.is(Role.CADRE) && request.role() != Role.VOLUNTEER) {
            throw ProblemException.forbidden("A cadre creates volunteer accounts only");
        }
        UUID placeId = checkHome(caller, request.role(), request.placeId());
        String phone = Phones.normalize("phone", request.phone());
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = request.name().trim();
        account.phone = phone;
        account.passwordHash = Passwords.hash(request.password());
        account.role = request.role();
        account.placeId = placeId;
        account.teamId = request.teamId() == null ? null : checkTeam(account, request.teamId());
        if (accounts.phoneTaken(phone)) {
            throw ProblemException.conflict("An account with this phone number already exists");
        }
        accounts.persist(account);
        audit.changed(AuditKind.ACCOUNT_CREATED, caller.accountId(), caller.role().name(), "ACCOUNT", account.id, account.role + " at " + account.placeId);
        accounts.flush();
        return view(caller, account);
    }

    public AccountView update(Caller caller, UUID id, UpdateAccountRequest request, IfMatch ifMatch) {
        Account account = visible(caller, id);
        boolean manages = caller.isAdmin()
                || (caller.is(Role.CADRE) && account.role == Role.VOLUNTEER && Objects.equals(account.placeId, caller.placeId()));
        if (!manages) {
            throw ProblemException.forbidden("A cadre manages the volunteers of their own village only");
        }
        ifMatch.require(account.version, "Account " + id);
        if (request.name() != null) {
            account.name = request.name().trim();
        }
        if (request.password() != null) {
            account.passwordHash = Passwords.hash(request.password());
            audit.changed(AuditKind.PASSWORD_CHANGED, caller.accountId(), caller.role().name(), "ACCOUNT", account.id, null);
        }
        if (request.teamId() != null) {
            account.teamId = request.teamId().isPresent() ? checkTeam(account, request.teamId().get()) : null;
            teams.update("leaderId = null, version = version + 1 where leaderId = ?1 and id <> ?2", account.id,
                    account.teamId == null ? new UUID(0, 0) : account.teamId);
        }
        if (request.active() != null) {
            if (!request.active() && account.id.equals(caller.accountId())) {
                throw ProblemException.rule("active", "you cannot deactivate your own account");
            }
            if (account.active && !request.active()) {
                deactivated.fire(new AccountDeactivated(account.id));
                audit.changed(AuditKind.ACCOUNT_DEACTIVATED, caller.accountId(), caller.role().name(), "ACCOUNT", account.id, null);
            } else if (!account.active && request.active()) {
                audit.changed(AuditKind.ACCOUNT_CHANGED, caller.accountId(), caller.role().name(), "ACCOUNT", account.id, "reactivated");
            }
            account.active = request.active();
        }
        accounts.flush();
        changed.fire(new AccountChanged(account.id));
        return view(caller, account);
    }

    /** The account, if the caller may see it: their own, or one whose home lies in their area. */
    Account visible(Caller caller, UUID id) {
        Account account = accounts.findById(id);
        boolean sees = account != null && (caller.isAdmin() || account.id.equals(caller.accountId())
                || (!caller.is(Role.VOLUNTEER) && account.placeId != null && places.covers(caller, account.placeId)));
        if (!sees) {
            throw ProblemException.notFound("Account " + id);
        }
        return account;
    }

    AccountView view(Caller caller, Account account) {
        boolean showPhone = caller.isAdmin() || account.id.equals(caller.accountId())
                || (caller.is(Role.CADRE) && Objects.equals(caller.placeId(), account.placeId));
        return AccountView.of(account, showPhone);
    }

    /** The home place for an account of this role, checked against the caller's area and the kind the role needs. */
    private UUID checkHome(Caller caller, Role role, UUID placeId) {
        if (placeId == null) {
            if (role == Role.ADMIN) {
                return null;
            }
            throw ProblemException.rule("placeId", "a " + role + " needs a home place");
        }
        Place place = places.referenced(caller, placeId, "placeId");
        boolean fits = switch (role) {
            case ADMIN -> true;
            case OFFICIAL -> place.kind == PlaceKind.COUNTY || place.kind == PlaceKind.TOWNSHIP;
            case CADRE, VOLUNTEER -> place.kind == PlaceKind.VILLAGE;
        };
        if (!fits) {
            throw ProblemException.rule("placeId", "a " + role + "'s home place must be a "
                    + (role == Role.OFFICIAL ? "COUNTY or TOWNSHIP" : "VILLAGE") + ", not a " + place.kind);
        }
        if (caller.is(Role.CADRE) && !place.id.equals(caller.placeId())) {
            throw ProblemException.rule("placeId", "a cadre creates volunteers of their own village only");
        }
        if (!place.active) {
            throw ProblemException.rule("placeId", "the place is deactivated");
        }
        return place.id;
    }

    private UUID checkTeam(Account account, UUID teamId) {
        if (account.role != Role.VOLUNTEER) {
            throw ProblemException.rule("teamId", "only volunteers belong to teams");
        }
        Team team = teams.findById(teamId);
        if (team == null || !team.villageId.equals(account.placeId)) {
            throw ProblemException.rule("teamId", "no such team in the volunteer's village");
        }
        if (!team.active) {
            throw ProblemException.rule("teamId", "the team is deactivated");
        }
        return team.id;
    }
}
