package org.gatepost.trust;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gatepost.caller.Caller;
import org.gatepost.caller.Role;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.TimeRange;
import org.gatepost.household.Household;
import org.gatepost.household.HouseholdRepository;
import org.gatepost.household.OutingCounter;
import org.gatepost.household.OutingLimit;
import org.gatepost.household.OutingRepository;
import org.gatepost.household.PassRepository;
import org.gatepost.pass.SigningKeys;

/**
 * Builds the trust data of a caller's area, and its entity tag: a digest of everything in it
 * but the time it was made, so that it changes exactly when keys, revocations, limits,
 * households or their outings change.
 */
@ApplicationScoped
@Transactional
public class TrustDataService {

    private final SigningKeys keys;
    private final PassRepository passes;
    private final OutingRepository outings;
    private final OutingCounter counter;
    private final HouseholdRepository households;
    private final EntityManager em;
    private final ObjectMapper json;
    private final ZoneId zone;

    TrustDataService(SigningKeys keys, PassRepository passes, OutingRepository outings, OutingCounter counter,
                     HouseholdRepository households, EntityManager em, ObjectMapper json, GatepostConfig config) {
        this.keys = keys;
        this.passes = passes;
        this.outings = outings;
        this.counter = counter;
        this.households = households;
        this.em = em;
        this.json = json;
        this.zone = config.timeZone();
    }

    /** The data and its strong entity tag (quoted). */
    public record Tagged(TrustData data, String etag) {
    }

    public Tagged of(Caller caller) {
        Instant now = Instant.now();
        UUID top = caller.isAdmin() ? null : caller.placeId();
        List<Tuple> villageRows = villagesBelow(top);
        List<UUID> villageIds = villageRows.stream().map(r -> r.get("id", UUID.class)).toList();
        Map<UUID, OutingLimit> limits = outings.limitsOf(villageIds);
        List<TrustData.Village> villages = villageRows.stream().map(r -> new TrustData.Village(r.get("id", UUID.class),
                r.get("name", String.class), TrustData.OutingLimitView.of(limits.get(r.get("id", UUID.class))))).toList();
        boolean ownVillage = (caller.is(Role.VOLUNTEER) || caller.is(Role.CADRE)) && caller.placeId() != null;
        List<TrustData.Household> ours = ownVillage ? households(caller.placeId(), limits.get(caller.placeId())) : List.of();
        TrustData data = new TrustData(TimeRange.local(now, zone), new TrustData.Keys(keys.jwks()),
                passes.revokedBelow(top, now), villages, ours);
        return new Tagged(data, "\"" + digest(data.timeless()) + "\"");
    }

    private List<TrustData.Household> households(UUID villageId, OutingLimit limit) {
        List<Household> all = households.allOf(villageId);
        List<UUID> ids = all.stream().map(h -> h.id).toList();
        Map<UUID, PassRepository.Pass> live = passes.liveOf(ids);
        Map<UUID, OutingCounter.Count> counts = counter.now(limit, ids);
        return all.stream().map(h -> {
            PassRepository.Pass pass = live.get(h.id);
            OutingCounter.Count count = counts.get(h.id);
            return new TrustData.Household(h.id, h.villageId, h.label, pass == null ? null : pass.serial(),
                    count == null ? null : count.outings(), count == null ? null : count.period().start(),
                    count == null ? null : count.period().end());
        }).toList();
    }

    /** The villages at or below the place (null: every village), by name. */
    @SuppressWarnings("unchecked")
    private List<Tuple> villagesBelow(UUID top) {
        return em.createNativeQuery("""
                SELECT v.id, v.name FROM place v
                WHERE v.kind = 'VILLAGE'
                  AND (CAST(:top AS uuid) IS NULL
                       OR v.path <@ (SELECT t.path FROM place t WHERE t.id = CAST(:top AS uuid)))
                ORDER BY v.name, v.id
                """, Tuple.class).setParameter("top", top).getResultList();
    }

    private String digest(TrustData data) {
        try {
            byte[] bytes = json.writeValueAsBytes(data);
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
