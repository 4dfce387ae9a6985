package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The primitives behave as the standards say, checked through the very engine and mode set-up
 * {@link PersonalDataCipher} uses, so a wrong engine or parameter fails here and not in production.
 */
class Sm4KnownAnswerTests {

    @Test
    void sm4EncryptsTheGbT32907StandardExample() {
        byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
        byte[] plaintext = Hex.decode("0123456789abcdeffedcba9876543210");
        BlockCipher engine = PersonalDataCipher.newSm4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] ciphertext = new byte[16];

        engine.processBlock(plaintext, 0, ciphertext, 0);

        assertThat(Hex.toHexString(ciphertext)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4GcmMatchesTheRfc8998Example() throws Exception {
        KeyParameter key = new KeyParameter(Hex.decode("0123456789ABCDEFFEDCBA9876543210"));
        byte[] nonce = Hex.decode("00001234567800000000ABCD");
        byte[] associatedData = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = Hex.decode("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");

        byte[] sealed = PersonalDataCipher.gcm(true, key, nonce, associatedData, plaintext, 0);

        assertThat(Hex.toHexString(sealed)).isEqualToIgnoringCase(
                "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                        + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
                        + "83DE3541E4C2B58177E065A9BF7B62EC");
        assertThat(PersonalDataCipher.gcm(false, key, nonce, associatedData, sealed, 0)).isEqualTo(plaintext);
    }
}
