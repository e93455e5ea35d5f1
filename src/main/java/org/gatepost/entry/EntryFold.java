package org.gatepost.entry;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Folds recorded entries into the hourly and daily counts, every second, on whichever instance
 * takes the fold's bound first (the others skip that tick). Statistics never wait for it: the
 * exact views add what is not folded yet (V22). If it stops (the database is unreachable), the
 * unfolded part grows and is folded at once when it comes back.
 */
@ApplicationScoped
public class EntryFold {

    private final EntryRepository entries;
    private volatile boolean failing;

    EntryFold(EntryRepository entries) {
        this.entries = entries;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            foldNow();
            if (failing) {
                Log.info("Folding entries into the counts again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                Log.warnf("Could not fold entries into the counts (retried every second; statistics stay exact): %s",
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** Folds what has ended; answers how many entries, or -1 when another instance or a void holds the bound. */
    public int foldNow() {
        return QuarkusTransaction.requiringNew().call(entries::fold);
    }
}
