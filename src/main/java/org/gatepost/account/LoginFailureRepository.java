package org.gatepost.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.gatepost.common.SqlRow;

/** Failed sign-ins, in plain SQL: a set of rows counted and pruned, never an entity edited. */
@ApplicationScoped
public class LoginFailureRepository {

    private final EntityManager em;

    LoginFailureRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises the sign-ins of one client address until the transaction ends. */
    void lockClient(String client) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('login:' || :client, 0))")
                .setParameter("client", client)
                .getSingleResult();
    }

    /** When the client's {@code nth} newest failure since {@code since} happened (counting from 1), if it had so many. */
    Optional<Instant> nthNewestFromClient(String client, Instant since, int nth) {
        return nthNewest(SqlRow.query(em, """
                SELECT failed_at FROM login_failure
                WHERE client = :client AND failed_at > :since
                ORDER BY failed_at DESC OFFSET :skip LIMIT 1
                """), since, nth, client);
    }

    /** The same for one phone number from the client. */
    Optional<Instant> nthNewestForPhone(byte[] phoneDigest, String client, Instant since, int nth) {
        return nthNewest(SqlRow.query(em, """
                SELECT failed_at FROM login_failure
                WHERE phone_digest = :digest AND client = :client AND failed_at > :since
                ORDER BY failed_at DESC OFFSET :skip LIMIT 1
                """).setParameter("digest", phoneDigest), since, nth, client);
    }

    void insert(byte[] phoneDigest, String client, Instant at) {
        em.createNativeQuery("INSERT INTO login_failure (phone_digest, client, failed_at) VALUES (:digest, :client, :now)")
                .setParameter("digest", phoneDigest)
                .setParameter("client", client)
                .setParameter("now", at)
                .executeUpdate();
    }

    void deleteForPhone(byte[] phoneDigest, String client) {
        em.createNativeQuery("DELETE FROM login_failure WHERE phone_digest = :digest AND client = :client")
                .setParameter("digest", phoneDigest)
                .setParameter("client", client)
                .executeUpdate();
    }

    void deleteOlderThan(Instant before) {
        em.createNativeQuery("DELETE FROM login_failure WHERE failed_at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    private static Optional<Instant> nthNewest(Query query, Instant since, int nth, String client) {
        return SqlRow.list(query
                        .setParameter("client", client)
                        .setParameter("since", since)
                        .setParameter("skip", nth - 1))
                .stream().map(r -> r.instant("failed_at")).findFirst();
    }
}
