package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString(
            Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(
            Hex.decode("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100"));

    private final PersonalDataCipher cipher = new PersonalDataCipher(KeyMaterial.fromBase64(KEY));

    @Test
    void chineseTextSurvivesTheRoundTrip() {
        String address = "北京市西城区月坛南街1号院 3 单元 502 室（信访人：张三丰）𠀀";

        byte[] sealed = cipher.encrypt(address, Field.ADDRESS);

        assertThat(cipher.decrypt(sealed, Field.ADDRESS)).isEqualTo(address);
    }

    @Test
    void theEmptyStringSurvivesTheRoundTripAndNullStaysNull() {
        assertThat(cipher.decrypt(cipher.encrypt("", Field.OTHER), Field.OTHER)).isEmpty();
        assertThat(cipher.encrypt(null, Field.NAME)).isNull();
        assertThat(cipher.decrypt(null, Field.NAME)).isNull();
        assertThat(cipher.blindIndex(null, Field.NAME)).isNull();
    }

    @Test
    void aSealedValueIsVersionNonceCiphertextAndTag() {
        byte[] sealed = cipher.encrypt("张三", Field.NAME);

        assertThat(sealed[0]).isEqualTo(PersonalDataCipher.FORMAT_VERSION);
        assertThat(sealed).hasSize(1 + 12 + "张三".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void encryptingTheSameTextTwiceGivesDifferentValues() {
        byte[] first = cipher.encrypt("13812345678", Field.PHONE);
        byte[] second = cipher.encrypt("13812345678", Field.PHONE);

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first, Field.PHONE)).isEqualTo(cipher.decrypt(second, Field.PHONE));
    }

    @Test
    void changingAnyOneByteIsDetected() {
        byte[] sealed = cipher.encrypt("张三丰", Field.NAME);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;

            assertThatThrownBy(() -> cipher.decrypt(tampered, Field.NAME))
                    .as("byte %d flipped", i)
                    .isExactlyInstanceOf(PersonalDataDecryptionException.class)
                    .hasNoCause()
                    .hasMessageContaining("NAME")
                    .hasMessageNotContaining("张三丰");
        }
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotDecrypt() {
        byte[] sealedPhone = cipher.encrypt("13812345678", Field.PHONE);

        assertThatThrownBy(() -> cipher.decrypt(sealedPhone, Field.NAME))
                .isInstanceOf(PersonalDataDecryptionException.class)
                .hasMessageContaining("authentication failed")
                .satisfies(e -> assertThat(((PersonalDataDecryptionException) e).field()).isEqualTo(Field.NAME));
    }

    @Test
    void aValueSealedUnderAnotherKeyDoesNotDecrypt() {
        PersonalDataCipher other = new PersonalDataCipher(KeyMaterial.fromBase64(OTHER_KEY));

        assertThatThrownBy(() -> other.decrypt(cipher.encrypt("张三", Field.NAME), Field.NAME))
                .isInstanceOf(PersonalDataDecryptionException.class);
    }

    @Test
    void garbageIsRejectedWithAClearError() {
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], Field.NAME))
                .isInstanceOf(PersonalDataDecryptionException.class)
                .hasMessageContaining("too short");
        byte[] unknownVersion = cipher.encrypt("张三", Field.NAME);
        unknownVersion[0] = 9;
        assertThatThrownBy(() -> cipher.decrypt(unknownVersion, Field.NAME))
                .isInstanceOf(PersonalDataDecryptionException.class)
                .hasMessageContaining("unknown format version 9");
    }

    @Test
    void blindIndexIgnoresSurroundingWhitespace() {
        assertThat(cipher.blindIndex(" 110101199003077578 ", Field.ID_CARD))
                .isEqualTo(cipher.blindIndex("110101199003077578", Field.ID_CARD))
                .hasSize(32);
    }

    @Test
    void blindIndexFoldsTheCaseOfTheCheckCharacterAndFullWidthDigits() {
        assertThat(cipher.blindIndex("11010519491231002x", Field.ID_CARD))
                .isEqualTo(cipher.blindIndex("11010519491231002X", Field.ID_CARD))
                .isEqualTo(cipher.blindIndex("１１０１０５１９４９１２３１００２Ｘ", Field.ID_CARD));
    }

    @Test
    void blindIndexOfAPhoneIgnoresSpacesHyphensAndTheCountryCode() {
        byte[] expected = cipher.blindIndex("13812345678", Field.PHONE);

        assertThat(cipher.blindIndex("138-1234-5678", Field.PHONE)).isEqualTo(expected);
        assertThat(cipher.blindIndex(" 138 1234 5678 ", Field.PHONE)).isEqualTo(expected);
        assertThat(cipher.blindIndex("+86 138 1234 5678", Field.PHONE)).isEqualTo(expected);
        assertThat(cipher.blindIndex("010-6234 5678", Field.PHONE))
                .isEqualTo(cipher.blindIndex("01062345678", Field.PHONE));
    }

    @Test
    void blindIndexDiffersAcrossFieldsAndKeys() {
        String value = "110101199003077578";
        PersonalDataCipher other = new PersonalDataCipher(KeyMaterial.fromBase64(OTHER_KEY));

        assertThat(cipher.blindIndex(value, Field.ID_CARD)).isNotEqualTo(cipher.blindIndex(value, Field.PHONE));
        assertThat(cipher.blindIndex(value, Field.ID_CARD)).isNotEqualTo(cipher.blindIndex(value, Field.OTHER));
        assertThat(cipher.blindIndex(value, Field.ID_CARD)).isNotEqualTo(other.blindIndex(value, Field.ID_CARD));
    }

    @Test
    void encryptionAndBlindIndexUseDifferentKeysDerivedFromTheMaster() {
        KeyMaterial keys = KeyMaterial.fromBase64(KEY);

        assertThat(keys.encryptionKey()).hasSize(16);
        assertThat(keys.blindIndexKey()).hasSize(32);
        assertThat(java.util.Arrays.copyOf(keys.blindIndexKey(), 16)).isNotEqualTo(keys.encryptionKey());
        assertThat(keys.toString()).doesNotContain(KEY);
    }

    @Test
    void oneCipherServesManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String name = "信访人" + i;
                results.add(pool.submit(() -> {
                    byte[] sealed = cipher.encrypt(name, Field.NAME);
                    assertThat(cipher.decrypt(sealed, Field.NAME)).isEqualTo(name);
                    return sealed;
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<byte[]> result : results) {
                distinct.add(Hex.toHexString(result.get()));
            }
            assertThat(distinct).hasSize(2_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void masterKeysOfTheWrongSizeAreRejectedWithoutQuotingThem() {
        assertThatThrownBy(() -> KeyMaterial.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> KeyMaterial.fromBase64("not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("*");
    }
}
