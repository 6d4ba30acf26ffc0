package io.github.ot4j.examples;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The XChart pieces the examples share: a scatter series of 2-D points and saving a chart as PNG. */
public final class Plots {

    private Plots() {
    }

    /**
     * Adds the first two coordinates of {@code points} to {@code chart} as a scatter series of circles.
     *
     * @param chart  the chart
     * @param name   the series' name in the legend
     * @param points n × d points, d ≥ 2
     * @param color  the markers' colour
     */
    public static void scatter(XYChart chart, String name, double[][] points, Color color) {
        double[] xs = new double[points.length];
        double[] ys = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            xs[i] = points[i][0];
            ys[i] = points[i][1];
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }

    /**
     * Writes {@code chart} as a PNG file, creating its folder.
     *
     * @param chart the chart
     * @param file  the PNG file
     * @return {@code file}
     * @throws IOException if writing fails
     */
    public static Path save(XYChart chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
