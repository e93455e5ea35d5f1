package org.gatepost.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** Reads a QR code back from a screenshot, as a phone's camera would: ZXing, the reference decoder. */
final class QrImages {

    private QrImages() {
    }

    /** The text of the one QR code in the PNG; fails the test when there is none to read. */
    static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                    image.getWidth(), image.getHeight(),
                    image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))));
            return new QRCodeReader().decode(bitmap, Map.of(
                    DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in the screenshot: " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
