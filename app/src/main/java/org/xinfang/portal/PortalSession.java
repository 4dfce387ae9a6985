package org.xinfang.portal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;

import jakarta.servlet.http.HttpSession;

/**
 * What a visitor's browser session may open: the forms it started (so a leaked draft or receipt link
 * is useless in another browser) and the petitions whose query code it entered (so rating and review
 * requests need not carry the code in the page). Sessions live in PostgreSQL (Spring Session JDBC),
 * so any node can serve the next request; the query code in them is sealed.
 */
@Component
class PortalSession {

    private static final String FORMS = "portal.forms";
    private static final String TRACKED = "portal.tracked";
    private static final int MAX_ENTRIES = 20;

    private final PersonalDataCipher cipher;

    PortalSession(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    void ownForm(HttpSession session, UUID key) {
        Bounded<Boolean> forms = map(session, FORMS);
        forms.put(key.toString(), Boolean.TRUE);
        session.setAttribute(FORMS, forms); // set again so the JDBC session stores the change
    }

    boolean ownsForm(HttpSession session, UUID key) {
        return map(session, FORMS).containsKey(key.toString());
    }

    void track(HttpSession session, String number, String queryCode) {
        Bounded<byte[]> tracked = map(session, TRACKED);
        tracked.put(number, cipher.encrypt(queryCode.strip().toUpperCase(java.util.Locale.ROOT), Field.OTHER));
        session.setAttribute(TRACKED, tracked);
    }

    Optional<String> queryCode(HttpSession session, String number) {
        byte[] sealed = this.<byte[]>map(session, TRACKED).get(number);
        return Optional.ofNullable(sealed).map(s -> cipher.decrypt(s, Field.OTHER));
    }

    void forget(HttpSession session, String number) {
        Bounded<byte[]> tracked = map(session, TRACKED);
        tracked.remove(number);
        session.setAttribute(TRACKED, tracked);
    }

    @SuppressWarnings("unchecked")
    private <V> Bounded<V> map(HttpSession session, String name) {
        Object value = session.getAttribute(name);
        return value instanceof Bounded<?> b ? (Bounded<V>) b : new Bounded<>();
    }

    /** Oldest entries go first, so a session cannot grow without bound. */
    static final class Bounded<V> extends LinkedHashMap<String, V> implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > MAX_ENTRIES;
        }
    }
}
