package org.gatepost.account;

import java.util.regex.Pattern;

import org.gatepost.common.ProblemException;

/** Phone numbers as accounts are known by: digits, optionally with a leading +. */
public final class Phones {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern VALID = Pattern.compile("\\+?[0-9]{6,15}");

    private Phones() {
    }

    /** The number without spaces, dashes or brackets; a 400 naming {@code field} if it is not a phone number. */
    public static String normalize(String field, String phone) {
        String digits = SEPARATORS.matcher(phone == null ? "" : phone).replaceAll("");
        if (!VALID.matcher(digits).matches()) {
            throw ProblemException.invalid(field, "must be a phone number of 6 to 15 digits");
        }
        return digits;
    }

    /** The last four digits, the rest hidden: 138****5678 becomes *******5678. */
    public static String mask(String phone) {
        int shown = Math.min(4, phone.length());
        return "*".repeat(phone.length() - shown) + phone.substring(phone.length() - shown);
    }
}
