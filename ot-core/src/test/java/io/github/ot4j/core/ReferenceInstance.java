package io.github.ot4j.core;

import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.io.PointCloudCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact OT instance solved by POT (Python Optimal Transport 0.8.2, {@code ot.emd2}), shipped in
 * {@code src/test/resources/reference}: the points, weights, cost name and POT's optimal value. See the
 * README there for provenance.
 *
 * @param name     the instance's file name without extension
 * @param pair     the source and target measures
 * @param cost     the ground cost
 * @param potValue POT's optimal value
 */
public record ReferenceInstance(String name, MeasurePair pair, GroundCost cost, double potValue) {

    /**
     * The shipped instances: five from the shared POT reference set, and two ({@code ot4j/...}) written by this
     * project's own script {@code src/test/python/make_reference.py}.
     */
    public static final List<String> NAMES = List.of("gauss2d_euclid_n64", "gauss2d_euclid_n128", "gauss8d_l1_n32",
            "weighted_sqeuclid_50x70", "oned_40x60", "ot4j/gauss3d_euclid_100x80", "ot4j/uniform4d_l1_30x45");

    /** @return the problem of this instance */
    public TransportProblem problem() {
        return TransportProblem.of(pair.x(), pair.y(), cost);
    }

    /**
     * Loads an instance from the test resources.
     *
     * @param name one of {@link #NAMES}
     * @return the instance
     */
    public static ReferenceInstance load(String name) {
        int slash = name.lastIndexOf('/');
        String folder = "/reference/" + name.substring(0, slash + 1);
        String json = text(folder + "values.json");
        String key = name.substring(slash + 1);
        Matcher block = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\\{([^}]*)}").matcher(json);
        if (!block.find()) {
            throw new IllegalArgumentException("no reference instance " + name);
        }
        String body = block.group(1);
        double value = Double.parseDouble(field(body, "emd2"));
        String metric = field(body, "metric").replace("\"", "");
        try (Reader reader = reader("/reference/" + name + ".csv")) {
            MeasurePair pair = PointCloudCsv.readPair(reader, name);
            return new ReferenceInstance(name, pair, GroundCost.named(metric), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String body, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*([^,\\n]+)").matcher(body);
        if (!m.find()) {
            throw new IllegalArgumentException("no field " + key);
        }
        return m.group(1).trim();
    }

    private static Reader reader(String resource) {
        InputStream in = ReferenceInstance.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String text(String resource) {
        try (Reader r = reader(resource)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            int k;
            while ((k = r.read(buf)) > 0) {
                sb.append(buf, 0, k);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
