package dev.attest.monitoring.internal;

import dev.attest.monitoring.Evaluation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks passing and failing over the latest evaluations, as coordinates for an SVG drawn by the
 * template: no script, no inline style, so the page keeps its strict Content-Security-Policy.
 */
public record TrendChart(int width, int height, String passingPoints, String failingPoints, int max, List<Tick> ticks,
                         int evaluations, List<Marker> markers) {

    /**
     * A label under the x axis; {@code anchor} keeps the first and last labels inside the drawing
     * (start and end), so a long date is not cut off at either edge.
     */
    public record Tick(double x, String label, String anchor) {
    }

    /**
     * A dot on each evaluation's values, so that a single evaluation (a line of one point draws nothing)
     * is visible, with the numbers as its tooltip.
     */
    public record Marker(double x, double passingY, double failingY, String title) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    static final int PAD = 30;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** From evaluations listed newest first. */
    public static TrendChart of(List<Evaluation> newestFirst) {
        List<Evaluation> series = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(series);
        int max = 1;
        for (Evaluation e : series) {
            max = Math.max(max, Math.max(e.checksPassing(), e.checksFailing()));
        }
        StringBuilder passing = new StringBuilder();
        StringBuilder failing = new StringBuilder();
        List<Tick> ticks = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        int n = series.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
            Evaluation e = series.get(i);
            passing.append(point(x, y(e.checksPassing(), max))).append(' ');
            failing.append(point(x, y(e.checksFailing(), max))).append(' ');
            markers.add(new Marker(round(x), round(y(e.checksPassing(), max)), round(y(e.checksFailing(), max)),
                    LABEL.format(e.startedAt()) + ": " + e.checksPassing() + " passing, " + e.checksFailing() + " failing"));
            if (i == 0 || i == n - 1 || (n > 6 && i == n / 2)) {
                String anchor = n == 1 || (n > 6 && i == n / 2) ? "middle" : i == 0 ? "start" : "end";
                ticks.add(new Tick(round(x), LABEL.format(e.startedAt()), anchor));
            }
        }
        return new TrendChart(WIDTH, HEIGHT, passing.toString().strip(), failing.toString().strip(), max, ticks, n, markers);
    }

    private static double y(int value, int max) {
        return HEIGHT - PAD - value * (HEIGHT - 2.0 * PAD) / max;
    }

    private static String point(double x, double y) {
        return round(x) + "," + round(y);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public double top() {
        return PAD;
    }

    public double bottom() {
        return HEIGHT - PAD;
    }

    public double right() {
        return WIDTH - PAD;
    }
}
