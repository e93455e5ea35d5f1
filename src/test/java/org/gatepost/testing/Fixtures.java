package org.gatepost.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;
import org.gatepost.account.Account;
import org.gatepost.account.AccountRepository;
import org.gatepost.account.Passwords;
import org.gatepost.account.Phones;
import org.gatepost.caller.Role;
import org.gatepost.account.Team;
import org.gatepost.account.TeamRepository;
import org.gatepost.account.TokenIssuer;
import org.gatepost.entry.EntryFold;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceRepository;
import org.gatepost.roster.Shift;

/**
 * Test data written straight to PostgreSQL, with unique names and phone numbers so that
 * tests never depend on each other, and tokens of every kind a client may send.
 */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "password-123";
    /**
     * The fixtures' password as bcrypt at cost 4, the lowest it allows, where the application
     * hashes at 10 ({@link Passwords#hash}). A sign-in still verifies a real bcrypt hash through
     * the application's own code; it costs a millisecond instead of a tenth of a second, and the
     * suite signs in hundreds of times. Hashes the application makes itself (accounts created over
     * the API, the decoy for unknown numbers) keep its cost.
     */
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 4);
    /** Somebody else's key: generating an RSA key pair takes a tenth of a second, so one serves the run. */
    private static final KeyPair FOREIGN_KEYS = foreignKeys();
    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final PlaceRepository places;
    private final AccountRepository accounts;
    private final TeamRepository teams;
    private final TokenIssuer tokens;
    private final EntryFold fold;

    Fixtures(PlaceRepository places, AccountRepository accounts, TeamRepository teams, TokenIssuer tokens, EntryFold fold) {
        this.fold = fold;
        this.places = places;
        this.accounts = accounts;
        this.teams = teams;
        this.tokens = tokens;
    }

    /**
     * Folds every ended entry into the hourly and daily tables now (the scheduler does it every
     * second), waiting out a fold or void that holds the bound; answers how many entries.
     */
    public int foldEntries() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int folded = fold.foldNow();
            if (folded >= 0) {
                return folded;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the fold's bound stayed held for 5 s");
    }

    /** A county with one township, two villages (A with two checkpoints, B with one), their people and a team. */
    @Transactional
    public World world() {
        String tag = unique();
        Place county = place(PlaceKind.COUNTY, "縣" + tag, null);
        Place township = place(PlaceKind.TOWNSHIP, "街道" + tag, county.id);
        Place villageA = place(PlaceKind.VILLAGE, "西演村" + tag, township.id);
        Place villageB = place(PlaceKind.VILLAGE, "會溪村" + tag, township.id);
        Place checkpointA1 = place(PlaceKind.CHECKPOINT, "東口", villageA.id);
        Place checkpointA2 = place(PlaceKind.CHECKPOINT, "南橋", villageA.id);
        Place checkpointB1 = place(PlaceKind.CHECKPOINT, "北口", villageB.id);
        Team teamA = team("西演美麗幫幫團", villageA.id);
        Team teamB = team("會溪美麗幫幫團", villageB.id);
        return new World(county, township, villageA, villageB, checkpointA1, checkpointA2, checkpointB1,
                account(Role.ADMIN, null, null),
                account(Role.OFFICIAL, county.id, null),
                account(Role.OFFICIAL, township.id, null),
                account(Role.CADRE, villageA.id, null),
                account(Role.CADRE, villageB.id, null),
                account(Role.VOLUNTEER, villageA.id, teamA.id),
                account(Role.VOLUNTEER, villageB.id, teamB.id),
                teamA, teamB);
    }

    @Transactional
    public Place place(PlaceKind kind, String name, UUID parentId) {
        Place place = new Place();
        place.id = UUID.randomUUID();
        place.kind = kind;
        place.name = name;
        place.parentId = parentId;
        places.persist(place);
        places.flush();
        return place;
    }

    @Transactional
    public Team team(String name, UUID villageId) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.name = name;
        team.villageId = villageId;
        teams.persist(team);
        teams.flush();
        return team;
    }

    @Transactional
    public Account account(Role role, UUID placeId, UUID teamId) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = role.name().toLowerCase() + " " + unique();
        account.phone = Phones.normalize("phone", phone());
        account.passwordHash = PASSWORD_HASH;
        account.role = role;
        account.placeId = placeId;
        account.teamId = teamId;
        accounts.persist(account);
        accounts.flush();
        return account;
    }

    /** A shift written directly, e.g. one already over, which the API would not create. */
    @Transactional
    public Shift shift(Place checkpoint, Instant startsAt, Instant endsAt, int minStaff) {
        Shift shift = new Shift();
        shift.id = UUID.randomUUID();
        shift.checkpointId = checkpoint.id;
        shift.villageId = checkpoint.parentId;
        shift.startsAt = startsAt;
        shift.endsAt = endsAt;
        shift.minStaff = minStaff;
        places.getEntityManager().persist(shift);
        return shift;
    }

    /** An assignment written directly, with its check-in and check-out as given (either may be null). */
    @Transactional
    public void assignment(Shift shift, Account volunteer, Instant checkedInAt, Instant checkedOutAt, String note) {
        places.getEntityManager().createNativeQuery("""
                INSERT INTO assignment (shift_id, volunteer_id, during, checked_in_at, checked_out_at, handover_note)
                VALUES (:shift, :volunteer, tstzrange(:from, :to), :in, :out, :note)
                """)
                .setParameter("shift", shift.id)
                .setParameter("volunteer", volunteer.id)
                .setParameter("from", shift.startsAt)
                .setParameter("to", shift.endsAt)
                .setParameter("in", checkedInAt)
                .setParameter("out", checkedOutAt)
                .setParameter("note", note)
                .executeUpdate();
    }

    /** How many assignments a volunteer has, counted in PostgreSQL. */
    @Transactional
    public long assignmentsOf(UUID volunteerId) {
        return ((Number) places.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM assignment WHERE volunteer_id = :v")
                .setParameter("v", volunteerId).getSingleResult()).longValue();
    }

    /** Live shifts at a checkpoint, counted in PostgreSQL. */
    @Transactional
    public long shiftsAt(UUID checkpointId) {
        return ((Number) places.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM shift WHERE checkpoint_id = :c AND cancelled_at IS NULL")
                .setParameter("c", checkpointId).getSingleResult()).longValue();
    }

    /** Any single-row SQL answer, for checking what PostgreSQL holds. */
    @Transactional
    public Object sql(String query, Map<String, Object> parameters) {
        var q = places.getEntityManager().createNativeQuery(query);
        parameters.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Several rows of SQL answers: each an Object[] for several columns, the value itself for one. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object> rows(String query, Map<String, Object> parameters) {
        var q = places.getEntityManager().createNativeQuery(query);
        parameters.forEach(q::setParameter);
        return q.getResultList();
    }

    @Transactional
    public Account reload(UUID accountId) {
        Account account = accounts.findById(accountId);
        accounts.getEntityManager().detach(account);
        return account;
    }

    @Transactional
    public Place reloadPlace(UUID placeId) {
        Place place = places.findById(placeId);
        places.getEntityManager().detach(place);
        return place;
    }

    @Transactional
    public long countPlaces() {
        return places.count();
    }

    @Transactional
    public long countAccounts() {
        return accounts.count();
    }

    @Transactional
    public Team reloadTeam(UUID teamId) {
        Team team = teams.findById(teamId);
        teams.getEntityManager().detach(team);
        return team;
    }

    /** A valid token for the account, as sign-in would issue it. */
    public String token(Account account) {
        return tokens.issue(account, Instant.now()).token();
    }

    /** A token signed with the right key whose time ran out an hour ago. */
    public String expiredToken(Account account) {
        Instant issued = Instant.now().minusSeconds(4 * 3600);
        return Jwt.issuer("https://gatepost.local").subject(account.id.toString()).upn(account.id.toString())
                .groups(account.role.name()).issuedAt(issued).expiresAt(issued.plusSeconds(3 * 3600)).sign();
    }

    /**
     * A valid token whose payload was edited to claim the ADMIN role and a longer life; the
     * signature no longer fits (for an administrator's own token, the longer life alone).
     */
    public String tamperedToken(Account account) {
        String[] parts = token(account).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"" + account.role.name() + "\"", "\"ADMIN\"")
                .replaceFirst("\"exp\":(\\d+)", "\"exp\":9$1");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    /** A well-formed token signed by somebody else's key. */
    public String foreignToken(Account account) {
        return Jwt.issuer("https://gatepost.local").subject(account.id.toString()).upn(account.id.toString())
                .groups("ADMIN").expiresIn(3600).sign(FOREIGN_KEYS.getPrivate());
    }

    private static KeyPair foreignKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with the right key but by another issuer. */
    public String wrongIssuerToken(Account account) {
        return Jwt.issuer("https://elsewhere.example").subject(account.id.toString()).upn(account.id.toString())
                .groups(account.role.name()).expiresIn(3600).sign();
    }

    public static String phone() {
        return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }

    public static String unique() {
        return Long.toString(PHONES.incrementAndGet(), 36);
    }
}
