package dev.attest.vendors;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, and which of them are in the European Economic Area. */
public final class Countries {

    /** The 27 EU member states plus Iceland, Liechtenstein and Norway. */
    public static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean known(String code) {
        return code != null && ISO.contains(code);
    }

    public static boolean inEea(String code) {
        return EEA.contains(code);
    }

    /** The English name, e.g. "Germany" for DE. */
    public static String name(String code) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
    }
}
