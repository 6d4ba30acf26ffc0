package io.github.ot4j.core.breadth;

import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.io.PointCloudCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instances solved by POT 0.8.2 in {@code src/test/resources/reference/breadth} (see the README and
 * {@code make_breadth.py} there): point clouds and the values POT computed for them.
 */
public final class BreadthReference {

    private static final String FOLDER = "/reference/breadth/";

    private BreadthReference() {
    }

    /**
     * @param name an instance: ent2d, ent5d, oned, sliced3d, unbalanced2d
     * @return its two measures
     */
    public static MeasurePair pair(String name) {
        try (Reader reader = reader(FOLDER + name + ".csv")) {
            return PointCloudCsv.readPair(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A number in values.json, found by its path of keys (each key searched after the previous one).
     *
     * @param path keys from the top, e.g. {@code "ent2d", "exact"}
     * @return the value
     */
    public static double value(String... path) {
        String json = text();
        int at = 0;
        for (int k = 0; k < path.length - 1; k++) {
            at = json.indexOf("\"" + path[k] + "\"", at);
            if (at < 0) {
                throw new IllegalArgumentException("no key " + path[k] + " in values.json");
            }
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(path[path.length - 1]) + "\"\\s*:\\s*([-0-9.eE+]+)")
                .matcher(json);
        if (!m.find(at)) {
            throw new IllegalArgumentException("no key " + path[path.length - 1] + " in values.json");
        }
        return Double.parseDouble(m.group(1));
    }

    private static String text() {
        try (InputStream in = stream(FOLDER + "values.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String resource) {
        return new InputStreamReader(stream(resource), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String resource) {
        InputStream in = BreadthReference.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        return in;
    }
}
