package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Documents;
import dev.attest.web.InvalidFieldException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns exported files into resources: the AWS IAM credential report (CSV) into {@code aws.iam.user},
 * and a JSON list of {@code {type, id, data}} from any tool. A malformed file is refused naming the
 * line and column, before anything is stored.
 */
@Component
public class FileImports {

    public static final Set<String> FORMATS = Set.of("aws-iam-credential-report", "json");

    static final List<String> REQUIRED = List.of("user", "arn", "password_enabled", "mfa_active", "access_key_1_active",
            "access_key_1_last_rotated", "access_key_2_active", "access_key_2_last_rotated");

    public List<Resource> parse(String format, String content) {
        return switch (format == null ? "" : format) {
            case "aws-iam-credential-report" -> awsCredentialReport(content);
            case "json" -> jsonList(content);
            default -> throw new InvalidFieldException("format", "one of " + String.join(", ", FORMATS.stream().sorted().toList()));
        };
    }

    private static InvalidFieldException at(long line, long column, String message) {
        return new InvalidFieldException("file", "line " + line + ", column " + column + ": " + message);
    }

    List<Resource> awsCredentialReport(String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    throw at(1, header.size() + 1, "the header has no column '" + column + "' (is this an IAM credential report?)");
                }
            }
            List<Resource> users = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw at(line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields, found " + record.size());
                }
                Map<String, Object> data = new LinkedHashMap<>();
                String user = record.get("user");
                data.put("user", user);
                data.put("arn", record.get("arn"));
                data.put("isRoot", "<root_account>".equals(user));
                for (int i = 0; i < header.size(); i++) {
                    String column = header.get(i);
                    if (column.equals("user") || column.equals("arn")) {
                        continue;
                    }
                    Object value = value(column, record.get(i), line, i + 1);
                    if (value != null) {
                        data.put(camel(column), value);
                    }
                }
                data.putIfAbsent("passwordEnabled", false);
                data.putIfAbsent("mfaActive", false);
                data.putIfAbsent("accessKey1Active", false);
                data.putIfAbsent("accessKey2Active", false);
                users.add(new Resource("aws.iam.user", record.get("arn").isBlank() ? user : record.get("arn"), data));
            }
            return users;
        } catch (IOException | UncheckedIOException e) {
            // Malformed CSV (such as a quote that never closes) surfaces here, from the header or any row.
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            throw new InvalidFieldException("file", "not a well-formed CSV file: " + cause.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof InvalidFieldException invalid) {
                throw invalid;
            }
            throw at(1, 1, "not a CSV file: " + e.getMessage());
        }
    }

    /** Report values: booleans, ISO times, or nothing for N/A, no_information and not_supported. */
    private static Object value(String column, String raw, long line, int columnNumber) {
        String value = raw.strip();
        if (value.isEmpty() || value.equals("N/A") || value.equals("no_information") || value.equals("not_supported")) {
            return null;
        }
        if (column.endsWith("_active") || column.equals("password_enabled")) {
            if (!value.equals("true") && !value.equals("false")) {
                throw at(line, columnNumber, "'" + column + "' must be true or false, found '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }
        if (column.endsWith("_time") || column.endsWith("_rotated") || column.endsWith("_used") || column.endsWith("_date")
                || column.endsWith("_changed") || column.endsWith("_rotation")) {
            try {
                return Instant.parse(value.replace("+00:00", "Z")).toString();
            } catch (DateTimeParseException e) {
                throw at(line, columnNumber, "'" + column + "' must be an ISO-8601 time, found '" + value + "'");
            }
        }
        return value;
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = out.toString();
        // The report's "last used date" columns read better without the suffix, like the other times.
        return name.replace("LastUsedDate", "LastUsed");
    }

    @SuppressWarnings("unchecked")
    List<Resource> jsonList(String json) {
        List<Object> items;
        try {
            items = Documents.readList(json);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            throw at(location == null ? 1 : location.getLineNr(), location == null ? 1 : location.getColumnNr(),
                    "not a JSON list of resources: " + e.getOriginalMessage());
        }
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("data") instanceof Map<?, ?> data)
                    || !(item.get("type") instanceof String type) || item.get("id") == null) {
                throw new InvalidFieldException("file", "item " + i + " must be an object with type, id and data");
            }
            resources.add(new Resource(type, String.valueOf(item.get("id")), (Map<String, Object>) data));
        }
        return resources;
    }
}
