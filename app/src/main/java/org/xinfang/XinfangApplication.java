package org.xinfang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Xinfang (信访): petition case management under the 《信访工作条例》.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class XinfangApplication {

    public static void main(String[] args) {
        SpringApplication.run(XinfangApplication.class, args);
    }
}
