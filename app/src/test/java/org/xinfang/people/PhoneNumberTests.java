package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "13812345678          | 13812345678",
            " 138 1234 5678       | 13812345678",
            "138-1234-5678        | 13812345678",
            "+86 13812345678      | 13812345678",
            "008613812345678      | 13812345678",
            "１３８１２３４５６７８  | 13812345678",
            "19912345678          | 19912345678",
            "010-62345678         | 010-62345678",
            "01062345678          | 010-62345678",
            "(010)62345678        | 010-62345678",
            "021 5234 5678        | 021-52345678",
            "0755-2345678         | 0755-2345678",
            "07552345678          | 0755-2345678",
            "0755-23456789-801    | 0755-23456789-801",
            "0755-23456789转801    | 0755-23456789-801",
    })
    void numbersAreKeptInOneCanonicalForm(String typed, String canonical) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "0755-0234567", "075-52345678",
            "110", "", "电话", "62345678"})
    void anythingElseIsRejected(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOfSatisfying(InvalidPersonalDataException.class, e -> {
                    assertThat(e.fieldKey()).isEqualTo("phone");
                    assertThat(e.chineseMessage()).contains("格式");
                });
        assertThat(PhoneNumber.isValid(typed)).isFalse();
    }

    @Test
    void aMobileShowsItsFirstThreeAndLastFourDigits() {
        PhoneNumber mobile = PhoneNumber.parse("13812345678");

        assertThat(mobile.isMobile()).isTrue();
        assertThat(mobile.masked()).isEqualTo("138****5678");
    }

    @Test
    void aLandlineShowsItsAreaCodeAndLastTwoDigits() {
        assertThat(PhoneNumber.parse("010-62345678").isMobile()).isFalse();
        assertThat(PhoneNumber.parse("010-62345678").masked()).isEqualTo("010-******78");
        assertThat(PhoneNumber.parse("0755-2345678").masked()).isEqualTo("0755-*****78");
        assertThat(PhoneNumber.parse("0755-23456789转801").masked()).isEqualTo("0755-******89-***");
    }

    @Test
    void printingANumberNeverRevealsIt() {
        assertThat(PhoneNumber.parse("13812345678").toString()).isEqualTo("138****5678");
        assertThat("联系电话：" + PhoneNumber.parse("010-62345678")).doesNotContain("62345678");
    }
}
