package org.gatepost.entry;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The columns of a table as the components of a record, named alike (checkpointId is
 * checkpoint_id): rows are read by column name into the record, and written as one array of
 * composite values. A new column is one new component, and nothing here changes (in the spirit of
 * Spring's DataClassRowMapper or Jdbi's ConstructorMapper, without their weight).
 */
final class RecordColumns<T extends Record> {

    /** One column: its name, its PostgreSQL type and the component it is read into. */
    record Column(String name, String type, Class<?> javaType, Method accessor) {
    }

    private final List<Column> columns;
    private final Constructor<T> constructor;

    RecordColumns(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        this.columns = Arrays.stream(components)
                .map(c -> new Column(snakeCase(c.getName()), sqlType(c.getType()), c.getType(), c.getAccessor()))
                .toList();
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        columns.forEach(c -> c.accessor().setAccessible(true));
        constructor.setAccessible(true);
    }

    List<Column> all() {
        return columns;
    }

    /** The columns but those named. */
    List<Column> except(Set<String> names) {
        return columns.stream().filter(c -> !names.contains(c.name())).toList();
    }

    /** "p.a, p.b, ..." for a SELECT list. */
    String selectList(String alias) {
        return String.join(", ", columns.stream().map(c -> alias + "." + c.name()).toList());
    }

    /** The current row of {@code result}, read by column name. */
    T read(ResultSet result) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = columns.get(i);
            values[i] = value(result, column.name(), column.javaType());
        }
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows as one PostgreSQL array of composite values, in text: {"(a,b,...)",...}, each
     * row's values of {@code columns} in their order (to be cast to an array of a composite type
     * with those attributes). A null is an empty field; every other value is quoted, so that an
     * empty text stays a text.
     */
    String compositeArray(List<Column> columns, List<T> rows) {
        StringBuilder array = new StringBuilder(rows.size() * 400).append('{');
        StringBuilder row = new StringBuilder(400);
        for (int r = 0; r < rows.size(); r++) {
            row.setLength(0);
            row.append('(');
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    row.append(',');
                }
                String text;
                try {
                    text = text(columns.get(c).accessor().invoke(rows.get(r)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
                if (text != null) {
                    quote(row, text);
                }
            }
            row.append(')');
            if (r > 0) {
                array.append(',');
            }
            quote(array, row);
        }
        return array.append('}').toString();
    }

    /**
     * Appends {@code text} in double quotes, each double quote and backslash in it escaped by a
     * backslash: how both a composite value and an array read a quoted element.
     */
    private static void quote(StringBuilder to, CharSequence text) {
        to.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                to.append('\\');
            }
            to.append(c);
        }
        to.append('"');
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString(); // Instant's ISO form, a UUID, a number, a boolean, text
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(ResultSet result, String column, Class<?> type) throws SQLException {
        if (type == int.class) {
            return result.getInt(column);
        }
        if (type == boolean.class) {
            return result.getBoolean(column);
        }
        if (type == Instant.class) {
            OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
        if (type.isEnum()) {
            String name = result.getString(column);
            return name == null ? null : Enum.valueOf((Class<? extends Enum>) type, name);
        }
        if (type == byte[].class) {
            return result.getBytes(column);
        }
        return result.getObject(column, type); // UUID, BigDecimal, String
    }

    private static String sqlType(Class<?> type) {
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == Instant.class) {
            return "timestamptz";
        }
        if (type == int.class || type == Integer.class) {
            return "int";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == BigDecimal.class) {
            return "numeric";
        }
        if (type == byte[].class) {
            return "bytea";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        throw new IllegalArgumentException("No column type for " + type);
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    static List<String> names(List<Column> columns) {
        List<String> names = new ArrayList<>(columns.size());
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
