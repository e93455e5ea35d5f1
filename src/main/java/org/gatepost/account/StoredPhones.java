package org.gatepost.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.gatepost.common.ProblemException;

/**
 * Brings account phones stored before numbers were kept in E.164 into that form at start-up,
 * before anyone signs in, so that {@code 139…} and {@code +86 139…} find the same account.
 */
@ApplicationScoped
public class StoredPhones {

    private final AccountRepository accounts;

    StoredPhones(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** After the settings are checked, before the first administrator and demo data are made. */
    void onStart(@Observes @Priority(3) StartupEvent event) {
        canonicalise(Phones.region());
    }

    /**
     * Rewrites every stored phone that is not in E.164; answers how many. When two accounts
     * turn out to hold one number, the older keeps it and the other is left as it is, with a
     * warning: which person the number belongs to is for an administrator to decide.
     */
    @Transactional
    public int canonicalise(String region) {
        List<AccountRepository.StoredPhone> rows = accounts.storedPhones();
        Set<String> taken = new HashSet<>(rows.stream().map(AccountRepository.StoredPhone::phone).toList());
        int changed = 0;
        for (AccountRepository.StoredPhone row : rows) {
            UUID id = row.id();
            String stored = row.phone();
            String canonical;
            try {
                canonical = Phones.normalize("phone", stored, region);
            } catch (ProblemException e) {
                Log.warnf("Account %s: the stored phone %s is no phone number in %s; left as it is", id,
                        Phones.mask(stored), region);
                continue;
            }
            if (canonical.equals(stored)) {
                continue;
            }
            if (!taken.add(canonical)) {
                Log.warnf("Account %s: its phone %s is another account's number too; left as it is until an "
                        + "administrator decides whose it is", id, Phones.mask(stored));
                continue;
            }
            accounts.rewritePhone(id, canonical);
            taken.remove(stored);
            changed++;
        }
        if (changed > 0) {
            Log.infof("Stored %d account phone numbers in E.164 (region %s for numbers without a country code)",
                    changed, region);
        }
        return changed;
    }
}
