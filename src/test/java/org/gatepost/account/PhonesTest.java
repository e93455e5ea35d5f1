package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
