package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.gatepost.common.ProblemException;
import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void everyWayOfTypingOneNumberGivesOneE164Number() {
        for (String typed : new String[] {"13912345678", "139-1234-5678", "139 1234 5678", "+86 139 1234 5678",
                "+86 (139) 1234-5678", "0086 13912345678", "+8613912345678"}) {
            assertEquals("+8613912345678", Phones.normalize("phone", typed, "CN"), typed);
        }
    }

    @Test
    void mainlandMobileNumbersAreReadAsLibphonenumberReadsThem() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            // every second digit, the 179 of dialling prefixes and the 11, 12 that are no mobile numbers among them
                String national = "1" + random.nextInt(10) + String.format("%09d", random.nextInt(1_000_000_000));
            for (String typed : new String[] {national, "+86" + national, "+86 " + national.substring(0, 3) + " "
                    + national.substring(3, 7) + " " + national.substring(7)}) {
                for (String region : new String[] {"CN", "HK"}) {
                    if (region.equals("HK") && !typed.startsWith("+")) {
                        continue; // read in Hong Kong, 11 digits without a country code are not a mainland number
                    }
                    assertEquals(byLibphonenumber(util, typed, region), orRefused(typed, region), typed + " in " + region);
                }
            }
        }
        // Without +86, read in another region: not taken for a mainland number.
        assertNotEquals("+8613912345678", orRefused("13912345678", "HK"));
    }

    /** What normalize answered before its shortcut for mainland mobile numbers. */
    private static String byLibphonenumber(PhoneNumberUtil util, String typed, String region) {
        try {
            var number = util.parse(Phones.typedDigits(typed), region);
            return util.isPossibleNumber(number) ? util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : "refused";
        } catch (NumberParseException e) {
            return "refused";
        }
    }

    private static String orRefused(String typed, String region) {
        try {
            return Phones.normalize("phone", typed, region);
        } catch (ProblemException e) {
            return "refused";
        }
    }

    @Test
    void numbersWithoutCountryCodeAreReadInTheConfiguredRegion() {
        assertEquals("+85291234567", Phones.normalize("phone", "9123 4567", "HK"));
        assertEquals("+85291234567", Phones.normalize("phone", "+852 9123 4567", "CN"));
        assertEquals("+8657112345678", Phones.normalize("phone", "0571-1234-5678", "CN"));
    }

    @Test
    void refusesWhatIsNoPhoneNumberNamingTheField() {
        ProblemException problem = assertThrows(ProblemException.class, () -> Phones.normalize("phone", "call me", "CN"));
        assertEquals(400, problem.problem().status());
        assertEquals("phone", problem.problem().errors().get(0).field());
        assertThrows(ProblemException.class, () -> Phones.normalize("phone", "12345", "CN"));
        assertThrows(ProblemException.class, () -> Phones.normalize("phone", null, "CN"));
        assertThrows(ProblemException.class, () -> Phones.normalize("phone", "1-800-FLOWERS", "CN"));
    }

    @Test
    void theMaskHasOneShapeWhateverTheLength() {
        assertEquals("*** 5678", Phones.mask("+8613912345678"));
        assertEquals("*** 5678", Phones.mask("+85291235678"));
        assertEquals("*** 5678", Phones.maskLast4("5678"));
    }

    @Test
    void earlierFormsAreTheWaysTheFirstReleaseKeptANumber() {
        var forms = Phones.earlierForms("+8613912345678");
        assertTrue(forms.containsAll(java.util.List.of("+8613912345678", "13912345678", "8613912345678",
                "008613912345678")), forms.toString());
    }

    @Test
    void regionsAreThoseLibphonenumberKnows() {
        assertTrue(Phones.knownRegion("CN"));
        assertTrue(!Phones.knownRegion("XX"));
    }
}
