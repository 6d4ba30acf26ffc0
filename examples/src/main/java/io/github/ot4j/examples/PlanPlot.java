package io.github.ot4j.examples;

import io.github.ot4j.core.PlanEntry;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.io.MeasurePair;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/** Draws a 2-D transport plan with XChart: source and target points, and a segment per nonzero entry. */
final class PlanPlot {

    private PlanPlot() {
    }

    /**
     * Writes the plot as PNG.
     *
     * @param pair   the two 2-D point clouds
     * @param result the optimal transport between them
     * @param file   the PNG file to write (folders are created)
     * @return the file written
     * @throws IOException if writing fails
     */
    static Path write(MeasurePair pair, TransportResult result, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(700)
                .title(String.format(java.util.Locale.ROOT, "Optimal transport plan, cost = %.6f", result.value()))
                .xAxisTitle("x0").yAxisTitle("x1").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double maxMass = 0;
        for (PlanEntry e : result.plan().entries()) {
            maxMass = Math.max(maxMass, e.mass());
        }
        int k = 0;
        for (PlanEntry e : result.plan().entries()) {
            double[] p = pair.x().point(e.i());
            double[] q = pair.y().point(e.j());
            XYSeries s = chart.addSeries("move " + k++, new double[] {p[0], q[0]}, new double[] {p[1], q[1]});
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
            float alpha = (float) (0.25 + 0.75 * e.mass() / maxMass);
            s.setLineColor(new Color(0.3f, 0.3f, 0.3f, alpha));
            s.setLineStyle(new BasicStroke(1.2f));
        }
        Plots.scatter(chart, "source x (weights a)", pair.x().points(), new Color(31, 119, 180));
        Plots.scatter(chart, "target y (weights b)", pair.y().points(), new Color(214, 39, 40));
        return Plots.save(chart, file);
    }
}
