package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.gatepost.caller.Role;
import org.gatepost.common.GatepostConfig;
import org.gatepost.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The first administrator of an empty installation; each test runs in a transaction rolled back afterwards. */
@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AccountRepository accounts;

    @Inject
    Fixtures fixtures;

    @Test
    @TestTransaction
    void createsTheFirstAdministratorWhenNoneExists() {
        accounts.update("active = false where role = ?1", Role.ADMIN);
        String phone = Fixtures.phone();
        new AdminBootstrap(accounts, config(phone, "first-admin-pass")).onStart(null);

        Account admin = accounts.findByPhone(Phones.normalize("phone", phone)).orElseThrow();
        assertEquals(Role.ADMIN, admin.role);
        assertTrue(admin.active);
        assertTrue(Passwords.matches("first-admin-pass", admin.passwordHash));
        assertEquals(1, accounts.activeAdmins());
    }

    @Test
    @TestTransaction
    void leavesAnInstallationWithAnAdministratorAlone() {
        fixtures.account(Role.ADMIN, null, null);
        long before = accounts.count();
        new AdminBootstrap(accounts, config(Fixtures.phone(), "first-admin-pass")).onStart(null);
        assertEquals(before, accounts.count());
    }

    @Test
    @TestTransaction
    void refusesHalfASetting() {
        accounts.update("active = false where role = ?1", Role.ADMIN);
        assertThrows(IllegalStateException.class,
                () -> new AdminBootstrap(accounts, config(Fixtures.phone(), null)).onStart(null));
        assertThrows(IllegalStateException.class,
                () -> new AdminBootstrap(accounts, config(Fixtures.phone(), "short")).onStart(null));
    }

    private static GatepostConfig config(String phone, String password) {
        Map<String, String> properties = new HashMap<>();
        if (phone != null) {
            properties.put("gatepost.admin.phone", phone);
        }
        if (password != null) {
            properties.put("gatepost.admin.password", password);
        }
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(GatepostConfig.class)
                .build()
                .getConfigMapping(GatepostConfig.class);
    }
}
