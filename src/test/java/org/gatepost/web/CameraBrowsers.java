package org.gatepost.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.microsoft.playwright.Browser;

/**
 * Chromium with a fake back camera. Chromium opens the camera's y4m file again each time a page
 * starts the camera, so one browser serves every scene: {@link #showing} puts the scene in the
 * file that browser's camera plays, and every capture started from then on shows it.
 */
final class CameraBrowsers {

    private static final Path PLAYING = FakeCamera.DIRECTORY.resolve("camera.y4m");
    private static Browser browser;

    private CameraBrowsers() {
    }

    /** The camera browser, its camera now showing the scene (until the next call). */
    static synchronized Browser showing(Path y4m) {
        play(y4m);
        if (browser == null || !browser.isConnected()) {
            browser = Browsers.launch(List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--use-file-for-fake-video-capture=" + PLAYING.toAbsolutePath()));
        }
        return browser;
    }

    /**
     * Shows the scene from the next time a page starts the camera: a copy moved into place (a
     * capture still running keeps the file it opened).
     */
    static synchronized void play(Path y4m) {
        try {
            Files.createDirectories(PLAYING.getParent());
            Path copy = Files.createTempFile(PLAYING.getParent(), "camera", ".part");
            Files.copy(y4m, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, PLAYING, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
