package org.gatepost.checkin;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gatepost.audit.AuditKind;
import org.gatepost.audit.AuditLog;
import org.gatepost.caller.Caller;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;
import org.gatepost.pass.SigningKeys;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceRepository;
import org.gatepost.place.PlaceService;

/**
 * A gate's poster and the self check-in it opens: the visitor's answers come back signed as a
 * short-lived code for the volunteer to scan. Nothing the visitor typed is stored here; it
 * becomes part of an entry only when the volunteer records one, under the entries' retention.
 */
@ApplicationScoped
@Transactional
public class CheckInService {

    public static final String CODE_TYPE = "gp-checkin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PosterRepository posters;
    private final PlaceService places;
    private final PlaceRepository placeRepository;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final GatepostConfig.CheckIn config;
    private final ZoneId zone;

    CheckInService(PosterRepository posters, PlaceService places, PlaceRepository placeRepository, SigningKeys keys, AuditLog audit, ObjectMapper json,
                   GatepostConfig config) {
        this.posters = posters;
        this.places = places;
        this.placeRepository = placeRepository;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
        this.config = config.checkIn();
        this.zone = config.timeZone();
    }

    public CheckInViews.Poster poster(Caller caller, UUID checkpointId, String origin) {
        Place checkpoint = managedCheckpoint(caller, checkpointId);
        String token = posters.tokenOf(checkpointId, freshToken(), Instant.now());
        return poster(checkpoint, token, origin);
    }

    /** A new token for the checkpoint's poster; the printed one stops working. */
    public CheckInViews.Poster rotate(Caller caller, UUID checkpointId, String origin) {
        Place checkpoint = managedCheckpoint(caller, checkpointId);
        String token = freshToken();
        posters.replace(checkpointId, token, Instant.now());
        audit.changed(AuditKind.POSTER_ROTATED, caller.accountId(), caller.role().name(), "PLACE", checkpointId, null);
        return poster(checkpoint, token, origin);
    }

    public CheckInViews.Gate gate(String token) {
        PosterRepository.Gate gate = openGate(token);
        return new CheckInViews.Gate(gate.checkpointName(), gate.villageName());
    }

    /** Signs what the visitor typed into a code valid for a few minutes; stores none of it. */
    public CheckInViews.Code checkIn(String token, CheckInViews.Request request) {
        PosterRepository.Gate gate = openGate(token);
        Instant expires = Instant.now().plus(config.codeLifetime()).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("t", "checkin");
        claims.put("c", gate.checkpointId().toString());
        claims.put("vl", gate.villageId().toString());
        claims.put("o", request.origin().trim());
        claims.put("p", request.purpose().trim());
        claims.put("n", request.partySize());
        claims.put("pl", request.plate() == null || request.plate().isBlank() ? null : request.plate().trim());
        claims.put("exp", expires.getEpochSecond());
        try {
            return new CheckInViews.Code(keys.sign(CODE_TYPE, json.writeValueAsString(claims)), TimeRange.local(expires, zone));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PosterRepository.Gate openGate(String token) {
        PosterRepository.Gate gate = token == null || token.length() > 64 ? null : posters.gateOf(token).orElse(null);
        if (gate == null || !gate.active()) {
            throw ProblemException.notFound("This gate's poster");
        }
        return gate;
    }

    private CheckInViews.Poster poster(Place checkpoint, String token, String origin) {
        String village = placeRepository.findById(checkpoint.parentId).name;
        return new CheckInViews.Poster(checkpoint.id, checkpoint.name, village, origin + "/checkin.html#" + token);
    }

    private Place managedCheckpoint(Caller caller, UUID checkpointId) {
        Place checkpoint = places.visible(caller, checkpointId);
        if (checkpoint.kind != PlaceKind.CHECKPOINT) {
            throw ProblemException.notFound("Checkpoint " + checkpointId);
        }
        if (!caller.managesVillage(checkpoint.parentId)) {
            throw ProblemException.forbidden("A gate's poster is made by the village's cadre");
        }
        return checkpoint;
    }

    /** 128 random bits, base64url. */
    private static String freshToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
