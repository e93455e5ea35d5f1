package org.gatepost.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.gatepost.caller.Role;
import org.gatepost.common.GatepostConfig;

/**
 * The first administrator of an installation: created at start-up from
 * {@code gatepost.admin.phone} and {@code gatepost.admin.password} while no active
 * administrator exists. Afterwards the settings are ignored and may be removed.
 */
@ApplicationScoped
public class AdminBootstrap {

    private final AccountRepository accounts;
    private final GatepostConfig.Admin config;

    AdminBootstrap(AccountRepository accounts, GatepostConfig config) {
        this.accounts = accounts;
        this.config = config.admin();
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (config.phone().isEmpty() && config.password().isEmpty()) {
            if (accounts.activeAdmins() == 0) {
                Log.warn("No administrator exists yet: set GATEPOST_ADMIN_PHONE and GATEPOST_ADMIN_PASSWORD to create one");
            }
            return;
        }
        if (config.phone().isEmpty() || config.password().isEmpty()) {
            throw new IllegalStateException("Set both gatepost.admin.phone (GATEPOST_ADMIN_PHONE) and "
                    + "gatepost.admin.password (GATEPOST_ADMIN_PASSWORD), or neither");
        }
        String password = config.password().get();
        if (password.length() < 8 || password.length() > 72) {
            throw new IllegalStateException("gatepost.admin.password (GATEPOST_ADMIN_PASSWORD) must have 8 to 72 characters");
        }
        accounts.lockFirstAdministrator();
        if (accounts.activeAdmins() > 0) {
            return;
        }
        String phone = Phones.normalize("gatepost.admin.phone", config.phone().get());
        if (accounts.phoneTaken(phone)) {
            throw new IllegalStateException("gatepost.admin.phone: an account with this phone number exists but is "
                    + "not an active administrator; choose another number");
        }
        Account admin = new Account();
        admin.id = UUID.randomUUID();
        admin.name = config.name();
        admin.phone = phone;
        admin.passwordHash = Passwords.hash(password);
        admin.role = Role.ADMIN;
        accounts.persist(admin);
        Log.infof("Created the first administrator (%s), account %s", Phones.mask(phone), admin.id);
    }
}
