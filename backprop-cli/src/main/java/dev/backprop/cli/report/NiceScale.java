package dev.backprop.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis with "nice" ticks: steps of 1, 2 or 5 times a power of ten, so tick labels are
 * round numbers a reader can interpolate between.
 *
 * @param low   the value at the start of the axis
 * @param high  the value at the end of the axis, {@code > low}
 * @param ticks the tick values, ascending, all within {@code [low, high]}
 * @param step  the distance between ticks
 */
record NiceScale(double low, double high, List<Double> ticks, double step) {

    NiceScale {
        ticks = List.copyOf(ticks);
    }

    /**
     * The smallest nice axis covering {@code [min, max]}: it starts and ends on a tick. A
     * zero-width range (a constant curve) is widened by 10% of its value (by 1 around zero), so
     * the curve is drawn in the middle of the plot instead of collapsing the axis.
     *
     * @param min         smallest finite value to show
     * @param max         largest finite value to show, {@code >= min}
     * @param targetTicks roughly how many ticks to aim for, {@code >= 2}
     * @return the axis
     */
    static NiceScale covering(double min, double max, int targetTicks) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("axis range must be finite and ordered, got [" + min + ", " + max + "]");
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / (targetTicks - 1));
        // The tolerance stops 0.3 / 0.1 = 2.9999999999999996 from adding a needless tick.
        double low = Math.floor(min / step + 1e-9) * step;
        double high = Math.ceil(max / step - 1e-9) * step;
        return new NiceScale(low, high, ticksBetween(low, high, step), step);
    }

    /**
     * An axis from exactly {@code min} to {@code max} for whole numbers such as epochs, with ticks
     * on the multiples of a nice whole step that fall inside. A single value gets one tick in
     * the middle of an axis one unit wide on each side.
     *
     * @param min         first whole value
     * @param max         last whole value, {@code >= min}
     * @param targetTicks roughly how many ticks to aim for, {@code >= 2}
     * @return the axis
     */
    static NiceScale wholeNumbers(int min, int max, int targetTicks) {
        if (min > max) {
            throw new IllegalArgumentException("axis range must be ordered, got [" + min + ", " + max + "]");
        }
        if (min == max) {
            return new NiceScale(min - 1, max + 1, List.of((double) min), 1);
        }
        double step = Math.max(1, niceStep((double) (max - min) / (targetTicks - 1)));
        double first = Math.ceil(min / step) * step;
        return new NiceScale(min, max, ticksBetween(first, max, step), step);
    }

    /** Where {@code value} falls on this axis: 0 at {@code low}, 1 at {@code high}. */
    double fraction(double value) {
        return (value - low) / (high - low);
    }

    /** The nice number (1, 2 or 5 times a power of ten) at or just above {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        // The tolerance keeps a rough step of 0.1 / 5 = 0.020000000000000004 at 2, not 5.
        double mantissa = rough / power * (1 - 1e-9);
        double nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return nice * power;
    }

    private static List<Double> ticksBetween(double first, double last, double step) {
        List<Double> ticks = new ArrayList<>();
        // Multiplying instead of adding keeps float error from accumulating along the axis.
        for (int i = 0; first + i * step <= last + step * 1e-9; i++) {
            ticks.add(first + i * step);
        }
        return ticks;
    }
}
