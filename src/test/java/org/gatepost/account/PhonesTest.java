package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gatepost.common.ProblemException;
import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void dropsSpacesDashesAndBrackets() {
        assertEquals("13912345678", Phones.normalize("phone", "139 1234-5678"));
        assertEquals("+8613912345678", Phones.normalize("phone", "+86 (139) 1234 5678"));
    }

    @Test
    void refusesWhatIsNoPhoneNumberNamingTheField() {
        ProblemException problem = assertThrows(ProblemException.class, () -> Phones.normalize("phone", "call me"));
        assertEquals(400, problem.problem().status());
        assertEquals("phone", problem.problem().errors().get(0).field());
        assertThrows(ProblemException.class, () -> Phones.normalize("phone", "12345"));
        assertThrows(ProblemException.class, () -> Phones.normalize("phone", null));
    }

    @Test
    void masksAllButTheLastFourDigits() {
        assertEquals("*******5678", Phones.mask("13912345678"));
        assertEquals("1234", Phones.mask("1234"));
    }
}
