package org.xinfang.organization;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Xinfang where it answers and, in demo mode only, how to sign in. */
@Component
class StartupNotice {

    private final Environment environment;
    private final boolean demo;

    StartupNotice(Environment environment, @Value("${xinfang.demo}") boolean demo) {
        this.environment = environment;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder()
                .append("\n==============================================================\n")
                .append(" Xinfang 信访 is running: http://localhost:").append(port).append("/\n")
                .append(" REST API (OpenAPI):    http://localhost:").append(port).append("/swagger-ui.html\n");
        if (demo) {
            text.append(" Demo logins (password ").append(OrganizationSetup.DEMO_PASSWORD).append("):\n")
                    .append("   admin 管理员 · clerk 登记员 · supervisor 督查员 · leader 领导\n")
                    .append("   handler 承办人 · approver 审核人 (东湖区住建局) · handler2 承办人 (西山区住建局)\n")
                    .append("   reviewer 复查承办 (东湖区人民政府) · donghujw 承办人 (东湖区纪委监委)\n");
        }
        text.append("==============================================================");
        System.out.println(text);
    }
}
