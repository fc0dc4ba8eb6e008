package io.bridgehead.portal;

import io.bridgehead.findings.ClientDashboardFigures.WeekPoint;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The dashboard's trend as two SVG polylines, drawn on the server: no script, nothing the CSP would refuse. */
record TrendChart(int width, int height, int baseline, long max, String openPoints, String fixedPoints) {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int TOP = 14;
    private static final int BOTTOM = 200;

    static TrendChart of(List<WeekPoint> weeks) {
        long max = Math.max(
                1,
                weeks.stream()
                        .mapToLong(w -> Math.max(w.open(), w.fixed()))
                        .max()
                        .orElse(1));
        return new TrendChart(
                WIDTH, HEIGHT, BOTTOM, max, points(weeks, WeekPoint::open, max), points(weeks, WeekPoint::fixed, max));
    }

    private static String points(List<WeekPoint> weeks, ToLongFunction<WeekPoint> value, long max) {
        StringBuilder points = new StringBuilder();
        double step = weeks.size() > 1 ? (WIDTH - LEFT - 10) / (double) (weeks.size() - 1) : 0;
        for (int i = 0; i < weeks.size(); i++) {
            double x = LEFT + i * step;
            double y = BOTTOM - (BOTTOM - TOP) * value.applyAsLong(weeks.get(i)) / (double) max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().strip();
    }
}
