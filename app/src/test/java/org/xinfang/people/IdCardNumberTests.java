package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdCardNumberTests {

    /** The example given in GB 11643-1999 itself. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void theStandardsOwnExampleIsValid() {
        IdCardNumber number = IdCardNumber.parse(STANDARD_EXAMPLE);

        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdCardNumber.isValid(STANDARD_EXAMPLE)).isTrue();
    }

    @Test
    void aNumberTypedWithALowerCaseXOrFullWidthDigitsIsTheSameNumber() {
        assertThat(IdCardNumber.parse(" 11010519491231002x ")).isEqualTo(IdCardNumber.parse(STANDARD_EXAMPLE));
        assertThat(IdCardNumber.parse("１１０１０５１９４９１２３１００２ｘ").value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void aWrongCheckCharacterIsRejectedAsSuch() {
        assertThatThrownBy(() -> IdCardNumber.parse("110105194912310021"))
                .isInstanceOfSatisfying(InvalidPersonalDataException.class, e -> {
                    assertThat(e.fieldKey()).isEqualTo("idCard");
                    assertThat(e.chineseMessage()).contains("校验位");
                    assertThat(e.englishMessage()).contains("check character");
                    assertThat(e.getMessage()).doesNotContain("110105194912310021");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "110101199002300014", // 30 February, checksum correct
            "110101199013010012", // month 13
            "110101209912310015", // born in 2099
            "11010118991231001X", // born before 1900
            "440301190002291230", // 1900 was not a leap year
    })
    void anImpossibleBirthDateIsRejected(String number) {
        assertThatThrownBy(() -> IdCardNumber.parse(number))
                .isInstanceOf(InvalidPersonalDataException.class)
                .hasMessageContaining("出生日期")
                .hasMessageContaining("birth date");
    }

    @Test
    void theEdgesOfTheCalendarAreAccepted() {
        assertThat(IdCardNumber.parse("110101190001010014").birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(IdCardNumber.parse("440301200002291237").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThatThrownBy(() -> IdCardNumber.parse("1101051949123100")).hasMessageContaining("长度");
        assertThatThrownBy(() -> IdCardNumber.parse("110105194912310O2X")).hasMessageContaining("格式");
        assertThatThrownBy(() -> IdCardNumber.parse("11010519491231002A")).hasMessageContaining("格式");
        assertThatThrownBy(() -> IdCardNumber.parse("990101199003070015")).hasMessageContaining("地址码");
        assertThatThrownBy(() -> IdCardNumber.parse(null)).isInstanceOf(InvalidPersonalDataException.class);
        assertThat(IdCardNumber.isValid(null)).isFalse();
        assertThat(IdCardNumber.isValid("")).isFalse();
    }

    @Test
    void taiwanHongKongAndMacaoCodesAreProvinceLevel() {
        assertThat(IdCardNumber.isValid("710101198001010012")).isTrue();
        assertThat(IdCardNumber.isValid("820101198001010018")).isTrue();
    }

    @Test
    void theMaskedFormKeepsTheFirstThreeAndLastFour() {
        assertThat(IdCardNumber.parse(STANDARD_EXAMPLE).masked()).isEqualTo("110***********002X").hasSize(18);
    }

    @Test
    void printingANumberNeverRevealsIt() {
        IdCardNumber number = IdCardNumber.parse(STANDARD_EXAMPLE);

        assertThat(number.toString()).isEqualTo("110***********002X");
        assertThat("信访人证件号：" + number).doesNotContain(STANDARD_EXAMPLE).doesNotContain("19491231");
        assertThat(String.valueOf(java.util.List.of(number))).doesNotContain(STANDARD_EXAMPLE);
    }
}
