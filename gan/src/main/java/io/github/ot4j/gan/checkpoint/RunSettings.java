package io.github.ot4j.gan.checkpoint;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.JsonNode;

/**
 * The settings of a training run as typed fields: each setting a path such as {@code critic.method.cost.p} and a
 * value that is a {@link Boolean}, a {@link Long}, a {@link Double} or a {@link String}. A run's configuration
 * record is flattened field by field ({@link #of}), so that "the same settings" means every field, the ground
 * cost and each updater hyper-parameter included, and a checkpoint can say which field differs.
 *
 * <p>What is recorded, recursively from the configuration record:
 * <ul>
 *   <li>a record: its class name at its path, then each component at {@code path.component};</li>
 *   <li>a DL4J updater or learning-rate schedule: its JSON form (DL4J's own), the class at its path and each
 *       property at {@code path.property};</li>
 *   <li>numbers (integers as {@code Long}, floating point as {@code Double}), booleans, strings, enum constants
 *       (by name); arrays and lists as {@code path.length} and {@code path[i]}; {@code null} as no field.</li>
 * </ul>
 * Anything else — in particular a ground cost or an enforcer given as a lambda or as a class that is not a record
 * — has no comparable fields: {@link #of} refuses it, naming the path, rather than record a description that two
 * different settings could share. Make such a setting a record (its components are then compared) or use a
 * built-in one (ot-core's costs are {@code MinkowskiCost} records).
 *
 * @param fields the settings by path, in the order of the configuration's fields (copied, unmodifiable)
 */
public record RunSettings(Map<String, Object> fields) {

    /** Deeper than this is a cycle or not a configuration. */
    private static final int MAX_DEPTH = 16;

    /**
     * Checks and copies the fields.
     *
     * @param fields paths to values of the four types
     */
    public RunSettings {
        if (fields == null) {
            throw new IllegalArgumentException("fields must not be null");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((path, value) -> {
            if (path == null || path.isEmpty()) {
                throw new IllegalArgumentException("a field's path must not be null or empty");
            }
            if (!(value instanceof Boolean || value instanceof Long || value instanceof Double
                    || value instanceof String)) {
                throw new IllegalArgumentException("field " + path + " must be a Boolean, Long, Double or String but"
                        + " is " + (value == null ? "null" : value.getClass().getName()));
            }
            copy.put(path, value);
        });
        fields = Collections.unmodifiableMap(copy);
    }

    /**
     * The settings of a configuration record, flattened field by field.
     *
     * @param configuration the run's configuration, such as a {@code WganConfig}
     * @return its settings
     * @throws IllegalArgumentException naming the path of a setting that is not a recordable value (a lambda, a
     *                                  class that is not a record)
     */
    public static RunSettings of(Record configuration) {
        if (configuration == null) {
            throw new IllegalArgumentException("configuration must not be null");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        components("", configuration, fields, 0);
        return new RunSettings(fields);
    }

    /**
     * The first field in which these settings (a configuration's) differ from the recorded ones: a field of
     * either that the other lacks, or a field with another value.
     *
     * @param recorded the settings recorded in a checkpoint
     * @return a sentence naming the field and both values, or empty if the settings are the same
     */
    public Optional<String> firstDifference(RunSettings recorded) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object stored = recorded.fields.get(field.getKey());
            if (!field.getValue().equals(stored)) {
                return Optional.of(field.getKey() + " is " + show(field.getValue()) + " in the configuration but "
                        + (stored == null ? "absent" : show(stored)) + " in the checkpointed run");
            }
        }
        for (Map.Entry<String, Object> field : recorded.fields.entrySet()) {
            if (!fields.containsKey(field.getKey())) {
                return Optional.of(field.getKey() + " is absent in the configuration but " + show(field.getValue())
                        + " in the checkpointed run");
            }
        }
        return Optional.empty();
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : value.toString();
    }

    private static void components(String prefix, Record value, Map<String, Object> out, int depth) {
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            flatten(path, read(path, component.getAccessor(), value), out, depth + 1);
        }
    }

    private static Object read(String path, Method accessor, Record value) {
        try {
            if (!accessor.canAccess(value)) {
                accessor.setAccessible(true);
            }
            return accessor.invoke(value);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(path + " cannot be read from " + value.getClass().getName()
                    + " (make the record public): " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(path + " cannot be read: its accessor threw " + e.getCause(), e);
        }
    }

    private static void flatten(String path, Object value, Map<String, Object> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested more than " + MAX_DEPTH + " levels deep: not a "
                    + "configuration a checkpoint can record");
        }
        if (value == null) {
            return;
        }
        if (value instanceof Boolean || value instanceof String) {
            out.put(path, value);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long) {
            out.put(path, ((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            out.put(path, ((Number) value).doubleValue());
        } else if (value instanceof Character c) {
            out.put(path, c.toString());
        } else if (value instanceof Enum<?> e) {
            out.put(path, e.name());
        } else if (value instanceof Record r) {
            out.put(path, r.getClass().getName());
            components(path, r, out, depth);
        } else if (value instanceof IUpdater || value instanceof ISchedule) {
            json(path, NeuralNetConfiguration.mapper().valueToTree(value), out, depth);
        } else if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            out.put(path + ".length", (long) n);
            for (int i = 0; i < n; i++) {
                flatten(path + "[" + i + "]", Array.get(value, i), out, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            out.put(path + ".length", (long) list.size());
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out, depth + 1);
            }
        } else {
            Class<?> type = value.getClass();
            throw new IllegalArgumentException(path + " is " + (type.isHidden() || type.isSynthetic()
                    ? "a lambda" : "a " + type.getName() + ", not a record,") + " so a checkpoint cannot record and "
                    + "compare its settings: make it a record (its components are then compared) or use a built-in "
                    + "value (ot-core's costs and ot4j's enforcers are records)");
        }
    }

    private static void json(String path, JsonNode node, Map<String, Object> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node.isObject()) {
            JsonNode type = node.get("@class");
            if (type != null) {
                out.put(path, type.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("@class")) {
                    json(path + "." + field.getKey(), field.getValue(), out, depth + 1);
                }
            }
        } else if (node.isArray()) {
            out.put(path + ".length", (long) node.size());
            for (int i = 0; i < node.size(); i++) {
                json(path + "[" + i + "]", node.get(i), out, depth + 1);
            }
        } else if (node.isIntegralNumber()) {
            out.put(path, node.asLong());
        } else if (node.isNumber()) {
            out.put(path, node.asDouble());
        } else if (node.isBoolean()) {
            out.put(path, node.asBoolean());
        } else if (!node.isNull()) {
            out.put(path, node.asText());
        }
    }
}
