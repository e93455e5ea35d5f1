package org.gatepost.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * What Chromium's fake camera shows: a scene with a QR code in it (a printed pass card, or a
 * phone showing a code), lit by daylight or by a dim, warm street lamp, written as a y4m
 * file (a text header, then raw YUV 4:2:0 frames) for {@code --use-file-for-fake-video-capture}.
 */
final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final Path DIRECTORY = Path.of("target", "fake-camera");

    /**
     * How the scene comes out of the camera: a gain per channel and the sensor's noise. DIM is a
     * gate at night under a warm street lamp: everything darker, blue weakest, noisier (a
     * phone's screen shines by itself, so it loses less than a printed card would).
     */
    enum Light {
        DAYLIGHT(1.0, 1.0, 1.0, 3), DIM(0.55, 0.48, 0.38, 6);

        final double red;
        final double green;
        final double blue;
        final double noise;

        Light(double red, double green, double blue, double noise) {
            this.red = red;
            this.green = green;
            this.blue = blue;
            this.noise = noise;
        }
    }

    /** What holds the code: a printed card (a household pass) or a phone's screen (a health or check-in code). */
    enum Holder {
        CARD, PHONE
    }

    /** Health codes' colours as the apps showed them. */
    static final Color GREEN = new Color(22, 160, 70);
    static final Color YELLOW = new Color(240, 165, 0);
    static final Color RED = new Color(220, 40, 40);
    static final Color BLACK = new Color(20, 20, 20);

    private FakeCamera() {
    }

    /** A y4m file showing the text as a QR code (content-named, so one scene is written once). */
    static Path scene(String text, Color dark, Holder holder, Light light) {
        String name = Integer.toHexString((text + dark + holder + light).hashCode()) + "-" + holder + "-" + light;
        Path y4m = DIRECTORY.resolve(name + ".y4m");
        if (!Files.exists(y4m)) {
            BufferedImage image = render(text, dark, holder, light);
            write(image, y4m);
        }
        return y4m;
    }

    /** A scene with no code in it: the camera sees a phone with a blank screen. */
    static Path nothing() {
        return scene(null, BLACK, Holder.PHONE, Light.DAYLIGHT);
    }

    static BufferedImage render(String text, Color dark, Holder holder, Light light) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // A table or a jacket behind it, a little uneven.
        for (int y = 0; y < HEIGHT; y++) {
            int shade = 150 + y * 40 / HEIGHT;
            g.setColor(new Color(shade, shade - 8, shade - 20));
            g.drawLine(0, y, WIDTH, y);
        }
        int qrSize;
        if (holder == Holder.PHONE) {
            g.setColor(new Color(28, 28, 32));
            g.fillRoundRect(110, 4, 420, 472, 48, 48);
            g.setColor(new Color(248, 248, 246));
            g.fillRoundRect(124, 16, 392, 448, 20, 20);
            g.setColor(dark);
            g.fillRect(124, 36, 392, 22); // the code app's coloured title bar
            qrSize = 372;
        } else {
            g.setColor(new Color(252, 252, 250));
            g.rotate(Math.toRadians(-3), WIDTH / 2.0, HEIGHT / 2.0);
            g.fillRect(90, 8, 460, 464);
            g.setColor(new Color(90, 90, 90));
            g.setStroke(new BasicStroke(2));
            g.drawRect(96, 14, 448, 452);
            qrSize = 440;
        }
        if (text != null) {
            BitMatrix matrix = qr(text);
            int modules = matrix.getWidth();
            double module = (double) qrSize / modules;
            int left = (WIDTH - qrSize) / 2;
            int top = (HEIGHT - qrSize) / 2 + (holder == Holder.PHONE ? 12 : 0);
            g.setColor(dark);
            for (int y = 0; y < modules; y++) {
                for (int x = 0; x < modules; x++) {
                    if (matrix.get(x, y)) {
                        int x0 = left + (int) Math.round(x * module);
                        int y0 = top + (int) Math.round(y * module);
                        int x1 = left + (int) Math.round((x + 1) * module);
                        int y1 = top + (int) Math.round((y + 1) * module);
                        g.fillRect(x0, y0, x1 - x0, y1 - y0);
                    }
                }
            }
        }
        g.dispose();
        return lit(image, light);
    }

    private static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The light and the camera: a colour gain, a slight blur of the lens, and noise. */
    private static BufferedImage lit(BufferedImage sharp, Light light) {
        Random random = new Random(42);
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = 0;
                int gr = 0;
                int b = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(WIDTH - 1, Math.max(0, x + dx));
                        int yy = Math.min(HEIGHT - 1, Math.max(0, y + dy));
                        int rgb = sharp.getRGB(xx, yy);
                        r += (rgb >> 16) & 0xff;
                        gr += (rgb >> 8) & 0xff;
                        b += rgb & 0xff;
                        n++;
                    }
                }
                out.setRGB(x, y, (clamp(r / (double) n * light.red + random.nextGaussian() * light.noise) << 16)
                        | (clamp(gr / (double) n * light.green + random.nextGaussian() * light.noise) << 8)
                        | clamp(b / (double) n * light.blue + random.nextGaussian() * light.noise));
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The image as a y4m file of two identical frames (Chromium plays it in a loop), and as a PNG beside it. */
    static void write(BufferedImage image, Path y4m) {
        try {
            Files.createDirectories(y4m.getParent());
            ImageIO.write(image, "png", y4m.resolveSibling(y4m.getFileName().toString().replace(".y4m", ".png")).toFile());
            byte[] frame = yuv420(image);
            Path partial = y4m.resolveSibling(y4m.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 2; i++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(frame);
                }
            }
            Files.move(partial, y4m, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Full-range (JPEG) BT.601 Y, then U and V averaged over each 2×2 block. */
    static byte[] yuv420(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3 / 2];
        int u = w * h;
        int v = u + w * h / 4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out[y * w + x] = (byte) clamp(0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
            }
        }
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int[] d : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                    int rgb = image.getRGB(x + d[0], y + d[1]);
                    r += ((rgb >> 16) & 0xff) / 4.0;
                    g += ((rgb >> 8) & 0xff) / 4.0;
                    b += (rgb & 0xff) / 4.0;
                }
                int i = (y / 2) * (w / 2) + x / 2;
                out[u + i] = (byte) clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                out[v + i] = (byte) clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
            }
        }
        return out;
    }
}
