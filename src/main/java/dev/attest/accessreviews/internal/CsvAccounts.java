package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an account list exported from any system. Columns (header row, any order): {@code account_id}
 * (required), {@code display_name}, {@code email}, {@code roles} (separated by {@code ;}),
 * {@code privileged}, {@code mfa}, {@code active} (yes/no, true/false), {@code last_sign_in},
 * {@code created} (ISO date or date-time), {@code kind} (user/service). Every problem is reported with
 * its row (the header is row 1) and column; a file with any problem imports nothing.
 */
final class CsvAccounts {

    static final List<String> COLUMNS = List.of("account_id", "display_name", "email", "roles", "privileged", "mfa", "active",
            "last_sign_in", "created", "kind");
    static final int MAX_ROWS = 50_000;

    /** One problem: the row (header is 1), the column and what is wrong. */
    record RowError(int row, String column, String message) {
    }

    /** What the file holds: the accounts read, and every problem found. */
    record Parsed(List<Account> accounts, List<RowError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private CsvAccounts() {
    }

    static Parsed parse(String systemName, String csv) {
        List<RowError> errors = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            errors.add(new RowError(1, "file", "the file is empty; the first row names the columns: " + String.join(", ", COLUMNS)));
            return new Parsed(accounts, errors);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("account_id")) {
                errors.add(new RowError(1, "account_id", "the header has no account_id column; columns: " + String.join(", ", COLUMNS)));
                return new Parsed(accounts, errors);
            }
            for (String column : header) {
                if (!column.isEmpty() && !COLUMNS.contains(column)) {
                    errors.add(new RowError(1, column, "unknown column; columns: " + String.join(", ", COLUMNS)));
                }
            }
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (accounts.size() >= MAX_ROWS) {
                    errors.add(new RowError(row, "file", "at most " + MAX_ROWS + " accounts per file"));
                    break;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                Account account = account(systemName, row, values, errors);
                if (account == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(account.accountId().toLowerCase(Locale.ROOT), row);
                if (first != null) {
                    errors.add(new RowError(row, "account_id", "'" + account.accountId() + "' is already on row " + first));
                    continue;
                }
                accounts.add(account);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            errors.add(new RowError(1, "file", "not a readable CSV file: " + e.getMessage()));
        }
        return new Parsed(accounts, errors);
    }

    private static Account account(String systemName, int row, Map<String, String> v, List<RowError> errors) {
        int before = errors.size();
        String id = blank(v.get("account_id"));
        if (id == null) {
            errors.add(new RowError(row, "account_id", "missing: every account needs its id in the system"));
        } else if (id.length() > 500) {
            errors.add(new RowError(row, "account_id", "at most 500 characters"));
        }
        String email = blank(v.get("email"));
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new RowError(row, "email", "'" + email + "' is not an email address"));
        }
        Boolean privileged = yesNo(row, "privileged", v.get("privileged"), false, errors);
        Boolean mfa = yesNo(row, "mfa", v.get("mfa"), null, errors);
        Boolean active = yesNo(row, "active", v.get("active"), true, errors);
        Instant lastSignIn = time(row, "last_sign_in", v.get("last_sign_in"), errors);
        Instant created = time(row, "created", v.get("created"), errors);
        String kind = blank(v.get("kind"));
        AccountKind accountKind = AccountKind.USER;
        if (kind != null) {
            switch (kind.toLowerCase(Locale.ROOT)) {
                case "user" -> accountKind = AccountKind.USER;
                case "service", "shared" -> accountKind = AccountKind.SERVICE;
                default -> errors.add(new RowError(row, "kind", "'" + kind + "' is not user or service"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String roles = blank(v.get("roles"));
        List<String> roleList = roles == null ? List.of()
                : Arrays.stream(roles.split(";")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        return new Account(systemName, id, blank(v.get("display_name")), email, roleList, privileged, mfa, lastSignIn, created, active,
                accountKind);
    }

    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    private static Boolean yesNo(int row, String column, String value, Boolean fallback, List<RowError> errors) {
        String v = blank(value);
        if (v == null) {
            return fallback;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            return true;
        }
        if (NO.contains(lower)) {
            return false;
        }
        errors.add(new RowError(row, column, "'" + v + "' is not yes or no"));
        return fallback;
    }

    private static Instant time(int row, String column, String value, List<RowError> errors) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return v.length() <= 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row, column, "'" + v + "' is not a date (2026-03-31) or time (2026-03-31T09:00:00Z)"));
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
