package org.gatepost.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gatepost.common.ProblemException;

/**
 * Phone numbers as people are known by: one number however it is typed ({@code +86 139…},
 * {@code 139…}, {@code 139-…}), kept in E.164 ({@code +86139…}). Numbers without a country
 * code are read in the configured region, {@code gatepost.phone-region}.
 *
 * <p>Static, so that every place that reads a number (sign-in, accounts, entries, start-up)
 * reads it the same way without being handed a bean.
 */
public final class Phones {

    static final String DEFAULT_REGION = "CN";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9]{6,17}");
    /**
     * A mainland mobile number, as nearly every visitor's is typed: 11 digits from 13 to 19, maybe
     * after +86, but not from 179 (libphonenumber reads 1790x and the like as a carrier's dialling
     * prefix). Read straight into E.164, as libphonenumber reads it (PhonesTest compares them),
     * without its parse, which took a tenth of the server's time for a batch of entries.
     */
    private static final Pattern CN_MOBILE = Pattern.compile("(?:\\+86)?(1(?:[3-689][0-9]|7[0-8])[0-9]{8})");

    private Phones() {
    }

    /** The number in E.164, read in the configured region; a 400 naming {@code field} if it is not a phone number. */
    public static String normalize(String field, String phone) {
        return normalize(field, phone, region());
    }

    /** The number in E.164, numbers without a country code read in {@code region}. */
    public static String normalize(String field, String phone, String region) {
        String typed = typedDigits(phone);
        if (typed.startsWith("+86") || "CN".equals(region)) {
            Matcher mobile = CN_MOBILE.matcher(typed);
            if (mobile.matches()) {
                return "+86" + mobile.group(1);
            }
        }
        return parse(typed, region).map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
                .orElseThrow(() -> ProblemException.invalid(field, "must be a phone number (6 to 15 digits, "
                        + "with + and the country code when it is not a " + region + " number)"));
    }

    /** The region of {@code gatepost.phone-region} (default CN). */
    public static String region() {
        return ConfigProvider.getConfig().getOptionalValue("gatepost.phone-region", String.class).orElse(DEFAULT_REGION);
    }

    /** Whether libphonenumber knows the region, e.g. CN, HK, TW. */
    public static boolean knownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /**
     * The number as the first release kept it, before E.164: what was typed without spaces,
     * dashes, dots or brackets. Content digests of version 1 were made over this.
     */
    public static String typedDigits(String phone) {
        return SEPARATORS.matcher(phone == null ? "" : phone).replaceAll("");
    }

    /**
     * Every form in which the first release may have kept this E.164 number (as typed, without
     * separators): with +, with the country code but no +, with 00, nationally, with a trunk 0.
     * Those releases' visitor hashes were made over one of them.
     */
    public static List<String> earlierForms(String e164) {
        PhoneNumber number = parse(typedDigits(e164), DEFAULT_REGION).orElseThrow();
        String national = UTIL.getNationalSignificantNumber(number);
        String country = Integer.toString(number.getCountryCode());
        Set<String> forms = new LinkedHashSet<>(List.of(e164, national, country + national, "00" + country + national,
                "0" + national));
        return List.copyOf(forms);
    }

    /** The last four digits behind a mask of one fixed shape, so that the mask does not tell the length: {@code *** 5678}. */
    public static String mask(String phone) {
        return maskLast4(phone.substring(Math.max(0, phone.length() - 4)));
    }

    /** The mask for a number of which only the last four digits are kept. */
    public static String maskLast4(String lastFour) {
        return "*** " + lastFour;
    }

    /** The number in {@code typed} (as {@link #typedDigits} leaves it), read in {@code region}, if it is a possible one. */
    private static Optional<PhoneNumber> parse(String typed, String region) {
        if (!TYPED.matcher(typed).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed, region);
            return UTIL.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
