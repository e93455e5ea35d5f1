package org.gatepost.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Reads a QR code back from a screenshot, as a phone's camera would: ZXing, the reference decoder. */
final class QrImages {

    private QrImages() {
    }

    /**
     * The text of a QR code the page draws as SVG. A copy of the drawing is shown 640 px wide (or
     * as wide as the screen) on top of the page for the screenshot: a card's code on a desktop
     * preview has two screen pixels a module, which a screenshot blurs (on paper it is 50 mm wide).
     */
    static String read(Locator svg) {
        Page page = svg.page();
        // At the top of the page, not fixed to the screen: an element screenshot of a fixed element
        // on a page scrolled down can be cut from the wrong place. No wider than the screen.
        svg.evaluate("e => { const copy = document.createElement('div'); copy.id = 'qr-read-copy';"
                + " const side = Math.min(640, document.documentElement.clientWidth, innerHeight) + 'px';"
                + " copy.append(e.cloneNode(true)); document.body.append(copy);"
                + " Object.assign(copy.style, { position: 'absolute', left: '0', top: '0', width: side, zIndex: '2147483647', background: '#fff' });"
                + " Object.assign(copy.firstChild.style, { width: side, height: side, maxWidth: 'none' }); }");
        try {
            return decode(page.locator("#qr-read-copy").screenshot());
        } finally {
            page.evaluate("() => document.getElementById('qr-read-copy').remove()");
        }
    }

    /** The text of the one QR code in the PNG; fails the test when there is none to read. */
    static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                    image.getWidth(), image.getHeight(),
                    image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))));
            Map<DecodeHintType, Object> hints = Map.of(
                    DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.CHARACTER_SET, "UTF-8");
            try {
                return new QRCodeReader().decode(bitmap, hints).getText();
            } catch (NotFoundException e) {
                // ZXing's finder-pattern search misses some dense codes that are perfectly drawn
                // (seen with a signed check-in code of 780 px); a screenshot of the code alone on
                // white is a pure barcode, read module by module from its corners.
                Map<DecodeHintType, Object> pure = new java.util.HashMap<>(hints);
                pure.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                return new QRCodeReader().decode(bitmap, pure).getText();
            }
        } catch (NotFoundException | ChecksumException | FormatException e) {
            Path kept = BrowserTest.SCREENSHOTS.resolve("unreadable-qr-" + System.nanoTime() + ".png");
            try {
                Files.createDirectories(kept.getParent());
                Files.write(kept, png);
            } catch (IOException notKept) {
                e.addSuppressed(notKept);
            }
            throw new AssertionError("no readable QR code in the screenshot (kept as " + kept + "): " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
