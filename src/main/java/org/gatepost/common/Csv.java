package org.gatepost.common;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads Chinese place names
 * correctly), a header row, CRLF line ends, fields quoted where needed.
 */
public final class Csv {

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
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    /** A download named after the figure, e.g. gatepost-summary.csv. */
    public static Response response(String name, List<String> header, List<List<?>> rows) {
        return Response.ok(write(header, rows), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"gatepost-" + name + ".csv\"")
                .build();
    }

    private static void line(StringBuilder csv, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object field = fields.get(i);
            String text = field == null ? "" : field.toString();
            if (field instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
                // A spreadsheet would run it as a formula.
                text = "'" + text;
            }
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                csv.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(text);
            }
        }
        csv.append("\r\n");
    }
}
