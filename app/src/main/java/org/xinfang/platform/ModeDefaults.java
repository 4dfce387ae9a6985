package org.xinfang.platform;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the defaults that depend on the mode: with no external database configured Xinfang runs
 * embedded, seeds the demo city and may generate its own key file; with {@code XINFANG_DB_URL} set it
 * seeds nothing and insists on configured keys. Explicit settings always win (lowest precedence here).
 */
public class ModeDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = environment.getProperty("xinfang.db.url", "").isBlank();
        String dataDir = environment.getProperty("xinfang.embedded.data-dir", "data");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("xinfang.embedded-mode", embedded);
        defaults.put("xinfang.demo", embedded);
        defaults.put("xinfang.crypto.generate-key", embedded);
        defaults.put("xinfang.crypto.key-file", dataDir + "/keys/master.key");
        environment.getPropertySources().addLast(new MapPropertySource("xinfangModeDefaults", defaults));
    }
}
