package org.xinfang.organization;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a staff account. The password hash is erased after authentication. */
final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final StaffUser staff;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    StaffPrincipal(StaffUser staff, String passwordHash, boolean enabled, boolean locked) {
        this.staff = staff;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    StaffUser staff() {
        return staff;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        staff.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
