package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The bean wiring, in a bare Spring context (no Spring Boot, no database). */
class PersonalDataConfigurationTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void theMasterKeyPropertyWinsOverTheKeyFile() {
        Path keyFile = dir.resolve("master.key");
        try (var context = context(Map.of(
                "xinfang.crypto.master-key", KEY,
                "xinfang.crypto.key-file", keyFile.toString(),
                "xinfang.crypto.generate-key", "true"))) {
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);

            assertThat(cipher.decrypt(new PersonalDataCipher(KeyMaterial.fromBase64(KEY))
                    .encrypt("张三", Field.NAME), Field.NAME)).isEqualTo("张三");
            assertThat(keyFile).doesNotExist();
        }
    }

    @Test
    void theMasterKeyComesFromTheEnvironmentVariable() {
        var context = new AnnotationConfigApplicationContext();
        // How Spring exposes operating-system environment variables, with relaxed names.
        context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("XINFANG_CRYPTO_MASTER_KEY", KEY)));
        context.register(PersonalDataConfiguration.class);
        context.refresh();
        try (context) {
            assertThat(context.getBean(PersonalDataCipher.class).blindIndex("张三", Field.NAME))
                    .isEqualTo(new PersonalDataCipher(KeyMaterial.fromBase64(KEY)).blindIndex("张三", Field.NAME));
        }
    }

    @Test
    void withoutAMasterKeyTheKeyFileIsCreatedOnlyWhenAllowed() {
        Path keyFile = dir.resolve("keys/master.key");

        assertThatThrownBy(() -> context(Map.of("xinfang.crypto.key-file", keyFile.toString())))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("xinfang.crypto.generate-key");

        try (var context = context(Map.of(
                "xinfang.crypto.key-file", keyFile.toString(),
                "xinfang.crypto.generate-key", "true"))) {
            assertThat(context.getBean(PersonalDataCipher.class)).isNotNull();
            assertThat(keyFile).isRegularFile();
        }
    }

    @Test
    void anInvalidMasterKeyNamesTheProperty() {
        assertThatThrownBy(() -> context(Map.of("xinfang.crypto.master-key", "too-short")))
                .rootCause()
                .hasMessageContaining("xinfang.crypto.master-key")
                .hasMessageContaining("XINFANG_CRYPTO_MASTER_KEY")
                .hasMessageNotContaining("too-short");
    }

    private static AnnotationConfigApplicationContext context(Map<String, Object> properties) {
        var context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.register(PersonalDataConfiguration.class);
        context.refresh();
        return context;
    }
}
