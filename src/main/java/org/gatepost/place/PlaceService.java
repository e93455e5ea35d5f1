package org.gatepost.place;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.ProblemException;

/**
 * The place tree and who may see and change which part of it. Admins change anything; a
 * cadre adds and edits the checkpoints of their own village; everyone reads their subtree.
 */
@ApplicationScoped
@Transactional
public class PlaceService {

    private final PlaceRepository places;
    private final Event<PlaceChanged> changed;

    PlaceService(PlaceRepository places, Event<PlaceChanged> changed) {
        this.places = places;
        this.changed = changed;
    }

    /** Whether the caller's scope covers this place. */
    public boolean covers(Caller caller, UUID placeId) {
        return caller.isAdmin() || (caller.placeId() != null && places.isWithin(placeId, caller.placeId()));
    }

    /** The place, if it exists and lies in the caller's scope; otherwise a 404 that tells neither apart. */
    public Place visible(Caller caller, UUID id) {
        Place place = places.findById(id);
        if (place == null || !covers(caller, id)) {
            throw ProblemException.notFound("Place " + id);
        }
        return place;
    }

    /**
     * A place named in a request body: if it does not exist or lies outside the caller's area,
     * a 422 naming the field, telling neither apart.
     */
    public Place referenced(Caller caller, UUID id, String field) {
        Place place = places.findById(id);
        if (place == null || !covers(caller, id)) {
            throw ProblemException.rule(field, "no such place in your area");
        }
        return place;
    }

    public PlaceView get(Caller caller, UUID id) {
        return PlaceView.of(visible(caller, id));
    }

    /** The children of a place; without a parent, the caller's home place (for admins without one, the counties). */
    public Page<PlaceView> children(Caller caller, UUID parentId, Cursor after, int limit) {
        if (parentId == null && caller.placeId() != null) {
            return new Page<>(after == null ? List.of(PlaceView.of(visible(caller, caller.placeId()))) : List.of(), null);
        }
        if (parentId != null) {
            visible(caller, parentId);
        }
        return Page.of(places.children(parentId, after, limit + 1), limit, p -> new Cursor(p.name, p.id), PlaceView::of);
    }

    public PlaceView create(Caller caller, CreatePlaceRequest request) {
        if (caller.is(Role.CADRE) && request.kind() != PlaceKind.CHECKPOINT) {
            throw ProblemException.forbidden("A cadre adds checkpoints to their own village only");
        }
        PlaceKind parentKind = request.kind().parentKind();
        if (parentKind == null) {
            if (request.parentId() != null) {
                throw ProblemException.rule("parentId", "a COUNTY is the top of the tree and has no parent");
            }
        } else {
            if (request.parentId() == null) {
                throw ProblemException.rule("parentId", "a " + request.kind() + " needs a parent " + parentKind);
            }
            Place parent = referenced(caller, request.parentId(), "parentId");
            if (parent.kind != parentKind) {
                throw ProblemException.rule("parentId", "a " + request.kind() + " must be placed under a " + parentKind
                        + ", not under a " + parent.kind);
            }
            if (!parent.active) {
                throw ProblemException.rule("parentId", "the parent place is deactivated");
            }
        }
        String name = request.name().trim();
        if (places.siblingNamed(request.parentId(), name, new UUID(0, 0))) {
            throw ProblemException.conflict("A place named '" + name + "' already exists there");
        }
        Place place = new Place();
        place.id = UUID.randomUUID();
        place.kind = request.kind();
        place.name = name;
        place.parentId = request.parentId();
        places.persist(place);
        places.flush();
        return PlaceView.of(place);
    }

    public PlaceView update(Caller caller, UUID id, UpdatePlaceRequest request, IfMatch ifMatch) {
        Place place = visible(caller, id);
        if (caller.is(Role.CADRE) && place.kind != PlaceKind.CHECKPOINT) {
            throw ProblemException.forbidden("A cadre edits the checkpoints of their own village only");
        }
        ifMatch.require(place.version, "Place " + id);
        if (request.name() != null) {
            String name = request.name().trim();
            if (places.siblingNamed(place.parentId, name, place.id)) {
                throw ProblemException.conflict("A place named '" + name + "' already exists there");
            }
            place.name = name;
        }
        if (request.active() != null) {
            place.active = request.active();
        }
        places.flush();
        changed.fire(new PlaceChanged(place.id));
        return PlaceView.of(place);
    }
}
