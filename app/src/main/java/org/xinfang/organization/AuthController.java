package org.xinfang.organization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.shared.ChinaTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/token} and {@code GET /api/v1/me}. */
@RestController
@RequestMapping("/api/v1")
class AuthController {

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenResponse(String token, OffsetDateTime expiresAt) {
    }

    record Me(String username, String displayName, long unitId, String unitName, List<String> roles, String scope) {
    }

    private final AuthenticationManager authentication;
    private final BearerTokens tokens;

    AuthController(AuthenticationManager authentication, BearerTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    @PostMapping("/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        Authentication auth = authentication.authenticate(UsernamePasswordAuthenticationToken
                .unauthenticated(request.username().trim().toLowerCase(), request.password()));
        StaffUser user = ((StaffPrincipal) auth.getPrincipal()).staff();
        BearerTokens.Issued issued = tokens.issue(user, http.getRemoteAddr());
        return new TokenResponse(issued.token(), at(issued.expiresAt()));
    }

    @GetMapping("/me")
    Me me() {
        StaffUser user = CurrentStaff.require();
        return new Me(user.username(), user.displayName(), user.unitId(), user.unitName(),
                user.roles().stream().map(Role::name).sorted().toList(), user.scope().name());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atZone(ChinaTime.ZONE).toOffsetDateTime();
    }
}
