package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void aNameKeepsOnlyItsFirstCharacter() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李四")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("John Smith")).isEqualTo("J*********");
        assertThat(Masking.name(" 王五 ")).isEqualTo("王*");
        assertThat(Masking.name("𠀀三")).as("a character outside the BMP counts once").isEqualTo("𠀀*");
        assertThat(Masking.name("张")).isEqualTo("*");
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void anAddressKeepsItsFirstSixCharacters() {
        assertThat(Masking.address("北京市海淀区中关村大街1号")).isEqualTo("北京市海淀区****");
        assertThat(Masking.address("北京市")).as("a short address is still partly hidden").isEqualTo("北****");
        assertThat(Masking.address(null)).isNull();
    }

    @Test
    void aValidIdCardNumberIsMaskedLikeTheRecord() {
        assertThat(Masking.idCard("11010519491231002x")).isEqualTo("110***********002X");
    }

    @Test
    void anInvalidIdCardNumberKeepsOnlyItsLastTwoCharacters() {
        assertThat(Masking.idCard("110105194912310021")).isEqualTo("****************21");
        assertThat(Masking.idCard("12345")).isEqualTo("***45");
        assertThat(Masking.idCard("12")).isEqualTo("**");
        assertThat(Masking.idCard(null)).isNull();
    }

    @Test
    void aPhoneNumberIsMaskedLikeTheRecordOrKeepsOnlyItsLastTwoCharacters() {
        assertThat(Masking.phone("+86 138 1234 5678")).isEqualTo("138****5678");
        assertThat(Masking.phone("010-62345678")).isEqualTo("010-******78");
        assertThat(Masking.phone("1234")).isEqualTo("**34");
        assertThat(Masking.phone(null)).isNull();
    }
}
