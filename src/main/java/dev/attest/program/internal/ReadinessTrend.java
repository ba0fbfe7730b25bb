package dev.attest.program.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A framework's readiness over the last days as an SVG polyline (x is the day, y the percent), with the change
 * since the first recorded day: drawn with attributes only, so the page needs no inline style.
 *
 * @param points  the polyline's points in a 0..days by 0..100 box, y growing downwards
 * @param change  percentage points gained (or lost) since the first recorded day of the window
 * @param since   the first recorded day in the window
 */
record ReadinessTrend(String points, double change, LocalDate since, int days) {

    static Map<String, ReadinessTrend> of(Map<String, List<ProgramStore.ReadinessPoint>> history, LocalDate today, int days) {
        Map<String, ReadinessTrend> trends = new HashMap<>();
        LocalDate start = today.minusDays(days - 1L);
        history.forEach((framework, points) -> {
            if (points.isEmpty()) {
                return;
            }
            StringBuilder line = new StringBuilder();
            for (ProgramStore.ReadinessPoint p : points) {
                long x = ChronoUnit.DAYS.between(start, p.day());
                line.append(x).append(',').append(Math.round((100 - p.percent()) * 10) / 10.0).append(' ');
            }
            // a single day is drawn as a short flat line, so one look already shows where the trend starts
            if (points.size() == 1) {
                long x = ChronoUnit.DAYS.between(start, points.get(0).day());
                line.append(Math.max(0, x - 2)).append(',').append(Math.round((100 - points.get(0).percent()) * 10) / 10.0);
            }
            double change = Math.round((points.get(points.size() - 1).percent() - points.get(0).percent()) * 10) / 10.0;
            trends.put(framework, new ReadinessTrend(line.toString().strip(), change, points.get(0).day(), days));
        });
        return trends;
    }
}
