package io.github.ot4j.examples.gan;

import io.github.ot4j.examples.Plots;
import io.github.ot4j.gan.data.Digits;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The pictures of the GAN examples: samples, distance curves, digit grids. */
public final class GanPlots {

    private GanPlots() {
    }

    /**
     * A scatter plot of real and generated 2-D points.
     *
     * @param real      real points
     * @param generated generated points
     * @param title     the chart's title
     * @param file      the PNG to write (folders are created)
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path samples(double[][] real, double[][] generated, String title, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(700).height(700).title(title).xAxisTitle("x0").yAxisTitle("x1")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        Plots.scatter(chart, "real", real, new Color(31, 119, 180, 120));
        Plots.scatter(chart, "generated", generated, new Color(255, 127, 14, 160));
        return Plots.save(chart, file);
    }

    /**
     * The critic's estimate and the exact W<sub>1</sub> against the generator step.
     *
     * @param reports the training reports
     * @param title   the chart's title
     * @param file    the PNG to write
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path distances(List<TrainingReport> reports, String title, Path file) throws IOException {
        double[] it = new double[reports.size()];
        double[] estimate = new double[reports.size()];
        double[] exact = new double[reports.size()];
        for (int i = 0; i < it.length; i++) {
            it[i] = reports.get(i).iteration();
            estimate[i] = reports.get(i).criticEstimate();
            exact[i] = reports.get(i).exactDistance();
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("generator step")
                .yAxisTitle("W1").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        XYSeries e = chart.addSeries("critic estimate (batch)", it, estimate);
        e.setMarker(SeriesMarkers.NONE);
        e.setLineColor(new Color(255, 127, 14));
        XYSeries x = chart.addSeries("exact W1 (generated vs held-out real)", it, exact);
        x.setMarker(SeriesMarkers.NONE);
        x.setLineColor(new Color(31, 119, 180));
        return Plots.save(chart, file);
    }

    /**
     * Curves against the generator step, one per entry; entries whose name contains "PyTorch" are dashed, and an
     * entry shares its colour with the entry before it when their names agree up to the last comma (one colour per
     * mode, solid ot4j and dashed PyTorch).
     *
     * @param steps  the generator steps (x)
     * @param series name → values at {@code steps}
     * @param title  the chart's title
     * @param file   the PNG to write
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path curves(double[] steps, Map<String, double[]> series, String title, Path file)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("generator step")
                .yAxisTitle("exact W1").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        Color[] palette = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
                new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};
        int colour = -1;
        String group = null;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            String name = e.getKey();
            String g = name.contains(",") ? name.substring(0, name.lastIndexOf(',')) : name;
            if (!g.equals(group)) {
                colour++;
                group = g;
            }
            XYSeries s = chart.addSeries(name, steps, e.getValue());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(palette[colour % palette.length]);
            s.setMarkerColor(palette[colour % palette.length]);
            if (name.contains("PyTorch")) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return Plots.save(chart, file);
    }

    /**
     * A grid of 8 × 8 digit images, each pixel in [−1, 1] (−1 black, 1 white), scaled up.
     *
     * @param images the images, rows of 64 values
     * @param columns images per row of the grid
     * @param file    the PNG to write
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path digitGrid(double[][] images, int columns, Path file) throws IOException {
        int zoom = 6;
        int cell = Digits.SIDE * zoom + 2;
        int rows = (images.length + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * cell, rows * cell, BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < images.length; k++) {
            int ox = (k % columns) * cell + 1;
            int oy = (k / columns) * cell + 1;
            for (int r = 0; r < Digits.SIDE; r++) {
                for (int c = 0; c < Digits.SIDE; c++) {
                    double v = Math.max(-1, Math.min(1, images[k][r * Digits.SIDE + c]));
                    int g = (int) Math.round((v + 1) * 127.5);
                    int rgb = (g << 16) | (g << 8) | g;
                    for (int dy = 0; dy < zoom; dy++) {
                        for (int dx = 0; dx < zoom; dx++) {
                            image.setRGB(ox + c * zoom + dx, oy + r * zoom + dy, rgb);
                        }
                    }
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
