package org.xinfang.people;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals personal data for storage (SM4-GCM) and computes blind indexes (HMAC-SM3) for exact-match
 * lookups, so that tables hold no plaintext yet "find the petitioner with this ID card number"
 * remains an indexed equality query.
 * <p>
 * A sealed value is {@code version (1 byte) ‖ nonce (12 random bytes) ‖ ciphertext ‖ tag (16 bytes)};
 * the {@link Field}'s name is the GCM associated data, so a value moved to another column fails to
 * decrypt instead of silently showing, say, a phone number as a name.
 * <p>
 * Uses BouncyCastle's lightweight API rather than the JCA: nothing is registered in the
 * JVM-global {@code java.security.Security} provider list (which other libraries and their
 * algorithm lookups share), there is no dependency on JCE provider signature checks that break
 * when jars are repackaged, and the SM4 engine used is exactly the one the known-answer test checks.
 * <p>
 * Thread-safe: each call builds its own cipher and MAC (about 1 µs each; simpler and safer than
 * per-thread caches, which would multiply with virtual threads); the shared {@link SecureRandom}
 * is itself thread-safe. Encrypting plus decrypting a typical address takes a few microseconds.
 */
public final class PersonalDataCipher {

    static final byte FORMAT_VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final int HEADER_BYTES = 1 + NONCE_BYTES;

    private final KeyParameter encryptionKey;
    private final KeyParameter blindIndexKey;
    private final SecureRandom random;

    PersonalDataCipher(KeyMaterial keys) {
        this.encryptionKey = new KeyParameter(keys.encryptionKey());
        this.blindIndexKey = new KeyParameter(keys.blindIndexKey());
        this.random = new SecureRandom();
    }

    /**
     * Seals {@code plaintext} for storage in a column holding {@code field}.
     *
     * @return the sealed value, different on every call; {@code null} for {@code null}
     */
    public byte[] encrypt(String plaintext, Field field) {
        Objects.requireNonNull(field, "field");
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = gcm(true, encryptionKey, nonce, associatedData(field),
                    plaintext.getBytes(StandardCharsets.UTF_8), HEADER_BYTES);
        } catch (InvalidCipherTextException impossible) {
            throw new IllegalStateException("SM4-GCM encryption failed", impossible); // only decryption authenticates
        }
        sealed[0] = FORMAT_VERSION;
        System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
        return sealed;
    }

    /**
     * Opens a value sealed by {@link #encrypt} for the same {@code field}.
     *
     * @return the plaintext; {@code null} for {@code null}
     * @throws PersonalDataDecryptionException if the value was altered, belongs to another field or
     *                                         key, or is not a sealed value
     */
    public String decrypt(byte[] sealed, Field field) {
        Objects.requireNonNull(field, "field");
        if (sealed == null) {
            return null;
        }
        if (sealed.length < HEADER_BYTES + TAG_BYTES) {
            throw new PersonalDataDecryptionException(field, "数据过短，不是加密值",
                    "too short (" + sealed.length + " bytes) to be a sealed value");
        }
        if (sealed[0] != FORMAT_VERSION) {
            throw new PersonalDataDecryptionException(field, "未知的格式版本 " + (sealed[0] & 0xff),
                    "unknown format version " + (sealed[0] & 0xff));
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 1, nonce, 0, NONCE_BYTES);
        byte[] ciphertext = new byte[sealed.length - HEADER_BYTES];
        System.arraycopy(sealed, HEADER_BYTES, ciphertext, 0, ciphertext.length);
        try {
            return new String(gcm(false, encryptionKey, nonce, associatedData(field), ciphertext, 0),
                    StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException authenticationFailed) {
            throw new PersonalDataDecryptionException(field, "认证失败（数据被篡改、字段不符或密钥不正确）",
                    "authentication failed (tampered with, sealed for another field, or under another key)");
        }
    }

    /**
     * A keyed hash of the normalised {@code value} for exact-match lookups: equal for inputs that
     * differ only in surrounding whitespace, the case of an ID card's check character {@code x},
     * full-width digits, or the spaces and hyphens of a phone number; different across fields and
     * keys. Reveals nothing about the value to anyone without the key.
     *
     * @return a 32-byte index; {@code null} for {@code null}
     */
    public byte[] blindIndex(String value, Field field) {
        Objects.requireNonNull(field, "field");
        if (value == null) {
            return null;
        }
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(blindIndexKey);
        // The field name and a separator go first, so equal values in different fields never collide.
        byte[] domain = associatedData(field);
        hmac.update(domain, 0, domain.length);
        hmac.update((byte) 0);
        byte[] normalised = normaliseForLookup(value, field).getBytes(StandardCharsets.UTF_8);
        hmac.update(normalised, 0, normalised.length);
        byte[] index = new byte[hmac.getMacSize()];
        hmac.doFinal(index, 0);
        return index;
    }

    /** The form in which a value is compared for lookups. */
    static String normaliseForLookup(String value, Field field) {
        return switch (field) {
            // NFKC folds the full-width digits and letters that Chinese input methods produce.
            case ID_CARD -> Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
            case PHONE -> {
                String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
                // A valid number compares in its canonical form, so +86 138… finds 138…
                String canonical = PhoneNumber.isValid(folded) ? PhoneNumber.parse(folded).value() : folded;
                yield canonical.replaceAll("[\\s-]", "");
            }
            default -> value.strip();
        };
    }

    /** The SM4 engine used for all encryption; package-private for the known-answer test. */
    static BlockCipher newSm4Engine() {
        return new SM4Engine();
    }

    /**
     * One SM4-GCM operation with a 128-bit tag; encryption output starts after {@code outputOffset}
     * spare bytes so the header can be written without another copy.
     *
     * @throws InvalidCipherTextException if decryption fails authentication
     */
    static byte[] gcm(boolean encrypt, KeyParameter key, byte[] nonce, byte[] associatedData, byte[] input,
                      int outputOffset) throws InvalidCipherTextException {
        // The default table-driven multiplier spends ~10 µs building its tables for every new cipher;
        // personal data is a few blocks long, so the table-free multiplier is about 5x faster here
        // (and needs no key-dependent lookup tables).
        GCMModeCipher cipher = GCMBlockCipher.newInstance(newSm4Engine(), new BasicGCMMultiplier());
        cipher.init(encrypt, new AEADParameters(key, TAG_BYTES * 8, nonce, associatedData));
        byte[] output = new byte[outputOffset + cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, output, outputOffset);
        length += cipher.doFinal(output, outputOffset + length);
        if (outputOffset + length != output.length) {
            byte[] exact = new byte[outputOffset + length];
            System.arraycopy(output, 0, exact, 0, exact.length);
            return exact;
        }
        return output;
    }

    private static byte[] associatedData(Field field) {
        return field.name().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[SM4-GCM, HMAC-SM3]";
    }
}
