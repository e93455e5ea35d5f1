package org.gatepost.common;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads Chinese place names
 * correctly), a header row, CRLF line ends, fields quoted where needed.
 */
public final class Csv {

    /** Quotes a field only where CSV needs it (a comma, quote or line break), as spreadsheets write it. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** The {@code format} query parameter; its constants are spelled as on the wire. */
    @Schema(name = "ResponseFormat")
    public enum Format {
        json, csv
    }

    public static final String FORMAT_DESCRIPTION = "csv for a spreadsheet (as does 'Accept: text/csv'); json by default";

    /** Whether the caller asked for CSV: {@code format=csv}, or an Accept header preferring text/csv. */
    public static boolean wanted(Format format, HttpHeaders headers) {
        if (format != null) {
            return format == Format.csv;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(MEDIA_TYPE))
                && !accepted.get(0).isWildcardType();
    }

    public static String write(List<String> header, List<List<?>> rows) {
        CsvSchema schema = CsvSchema.builder()
                .addColumns(header, CsvSchema.ColumnType.STRING)
                .setUseHeader(true)
                .setLineSeparator("\r\n")
                .build();
        List<String[]> fields = rows.stream().map(Csv::fields).toList();
        try {
            return "\uFEFF" + MAPPER.writer(schema).writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always make CSV", e);
        }
    }

    /** A download named after the figure, e.g. gatepost-summary.csv. */
    public static Response response(String name, List<String> header, List<List<?>> rows) {
        return Response.ok(write(header, rows), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"gatepost-" + name + ".csv\"")
                .build();
    }

    /**
     * The row as text: nothing for null, and text that a spreadsheet would run as a formula
     * (starting with = + - or @) behind an apostrophe. Numbers and dates are left as they are.
     */
    static String[] fields(List<?> row) {
        return row.stream().map(field -> {
            String text = field == null ? "" : field.toString();
            return field instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }).toArray(String[]::new);
    }
}
