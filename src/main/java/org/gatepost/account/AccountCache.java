package org.gatepost.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import org.gatepost.caller.Role;
import org.gatepost.common.ChangeNotices;
import org.gatepost.common.NotifiedCache;

/**
 * The accounts that signed-in requests come from, as every request needs them checked (see
 * {@link CallerAugmentor}), kept in memory so that a request costs one round trip to the
 * database, not two. A change of an account on any instance or in SQL is forgotten as soon as
 * the database's notice arrives (see {@link ChangeNotices}); a change through this instance's
 * API at once, when its transaction commits. While no notices are heard, every request
 * reads the account.
 */
@ApplicationScoped
public class AccountCache implements ChangeNotices.Listener {

    /** An active account as a request is checked against; an empty Optional: deactivated or gone. */
    public record Facts(String name, Role role, UUID placeId, long tokenGeneration) {
    }

    private final DataSource database;
    private final NotifiedCache<Optional<Facts>> cache;

    AccountCache(DataSource database, @CacheName("accounts") Cache cache, ChangeNotices notices) {
        this.database = database;
        this.cache = new NotifiedCache<>(cache, notices);
    }

    /** The account as kept in memory; null when it must be read ({@link #read}). */
    public Optional<Facts> kept(UUID id) {
        return cache.kept(id);
    }

    /** The account as it is in the database now (and kept for the next request). */
    public Optional<Facts> read(UUID id) throws SQLException {
        NotifiedCache<Optional<Facts>>.Read started = cache.startRead();
        Optional<Facts> facts;
        // Plain JDBC outside any transaction: this runs before every call that is not kept.
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT name, role, place_id, token_generation FROM account WHERE id = ? AND active")) {
            select.setObject(1, id);
            try (ResultSet account = select.executeQuery()) {
                facts = account.next()
                        ? Optional.of(new Facts(account.getString("name"), Role.valueOf(account.getString("role")),
                                account.getObject("place_id", UUID.class), account.getLong("token_generation")))
                        : Optional.empty();
            }
        }
        started.keep(id, facts);
        return facts;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
        cache.forget(changed.accountId());
    }

    @Override
    public String channel() {
        return "gatepost_account";
    }

    @Override
    public void changed(String id) {
        cache.forget(UUID.fromString(id));
    }

    @Override
    public void forgetAll() {
        cache.forgetAll();
    }
}
