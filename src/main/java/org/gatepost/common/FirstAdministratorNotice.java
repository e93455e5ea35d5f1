package org.gatepost.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One computer, no database server: after the first administrator was created from the data
 * folder's generated password (by account.AdminBootstrap, which observes the same event
 * earlier), prints that password once on the console and deletes the file, so that it is
 * shown exactly once and kept nowhere.
 */
@ApplicationScoped
class FirstAdministratorNotice {

    @ConfigProperty(name = "gatepost.data-dir")
    Optional<Path> dataDir;

    @ConfigProperty(name = "gatepost.admin.phone")
    Optional<String> phone;

    void onStart(@Observes @Priority(3000) StartupEvent event) throws IOException {
        if (dataDir.isEmpty() || !Files.exists(DataFolder.firstAdminPasswordFile(dataDir.get().toAbsolutePath()))) {
            return;
        }
        Path passwordFile = DataFolder.firstAdminPasswordFile(dataDir.get().toAbsolutePath());
        String password = Files.readString(passwordFile).strip();
        System.out.println("""

                ==================================================================
                 The first administrator signs in with
                   phone:    %s
                   password: %s
                 This is shown once and kept nowhere: write it down, sign in, and
                 change it. (Lost? Stop Gatepost, set GATEPOST_ADMIN_PHONE and
                 GATEPOST_ADMIN_PASSWORD for a new administrator, start again.)
                ==================================================================
                """.formatted(phone.orElse(""), password));
        System.out.flush();
        Files.delete(passwordFile);
    }
}
