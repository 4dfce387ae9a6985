package org.xinfang.people;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link PersonalDataCipher} from configuration.
 * <ul>
 *   <li>{@code xinfang.crypto.master-key} (environment {@code XINFANG_CRYPTO_MASTER_KEY}): the
 *       base64-encoded 32-byte master key; when set it wins, and no key file is read or created.
 *       The usual choice for production, where the key comes from a secrets store.</li>
 *   <li>{@code xinfang.crypto.key-file} (default {@code data/keys/master.key}): otherwise the key is
 *       read from this file.</li>
 *   <li>{@code xinfang.crypto.generate-key} (default {@code false}): whether a missing key file may
 *       be created. Off by default so that a mistyped path or a missing volume stops start-up
 *       instead of quietly creating a fresh key that cannot open the existing data.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(
            @Value("${" + KeyMaterial.MASTER_KEY_PROPERTY + ":}") String masterKey,
            @Value("${" + KeyMaterial.KEY_FILE_PROPERTY + ":data/keys/master.key}") String keyFile,
            @Value("${" + KeyMaterial.GENERATE_KEY_PROPERTY + ":false}") boolean generateKey) {
        if (!masterKey.isBlank()) {
            try {
                return new PersonalDataCipher(KeyMaterial.fromBase64(masterKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(KeyMaterial.MASTER_KEY_PROPERTY + "（" + KeyMaterial.MASTER_KEY_ENV
                        + "）配置无效 / " + KeyMaterial.MASTER_KEY_PROPERTY + " (" + KeyMaterial.MASTER_KEY_ENV
                        + ") is invalid: " + e.getMessage());
            }
        }
        return new PersonalDataCipher(KeyMaterial.loadOrCreate(Path.of(keyFile), generateKey));
    }
}
