package dev.backprop.cli.report;

import java.util.Locale;

/**
 * A sequential single-hue colour scale from near-white to dark blue. Lightness falls steadily
 * along it, so it reads the same for colour-blind readers and in grey-scale print.
 */
final class ColourRamp {

    /** Stops at 0, 1/4, 1/2, 3/4 and 1, as RGB. */
    private static final int[][] STOPS = {
        {0xF5, 0xF8, 0xFB},
        {0xC8, 0xDB, 0xEC},
        {0x86, 0xB2, 0xD6},
        {0x3B, 0x7C, 0xBA},
        {0x0C, 0x3D, 0x78},
    };

    /** From this share on, the cell is dark enough that its text must be white. */
    static final double DARK_FROM = 0.55;

    private ColourRamp() {
    }

    /** The colour for {@code share} in [0, 1] (clamped), as {@code #rrggbb}. */
    static String colour(double share) {
        double t = Double.isNaN(share) ? 0 : Math.min(1, Math.max(0, share));
        double position = t * (STOPS.length - 1);
        int lower = Math.min((int) position, STOPS.length - 2);
        double within = position - lower;
        StringBuilder hex = new StringBuilder("#");
        for (int channel = 0; channel < 3; channel++) {
            double value = STOPS[lower][channel] + within * (STOPS[lower + 1][channel] - STOPS[lower][channel]);
            hex.append(String.format(Locale.ROOT, "%02x", Math.round(value)));
        }
        return hex.toString();
    }

    /** The number of stops, for drawing the scale as a gradient. */
    static int stops() {
        return STOPS.length;
    }

    /** The position of stop {@code i} along the scale, in [0, 1]. */
    static double stopAt(int i) {
        return (double) i / (STOPS.length - 1);
    }
}
