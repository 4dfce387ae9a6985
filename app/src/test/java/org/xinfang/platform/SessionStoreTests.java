package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import org.xinfang.support.XinfangTest;

/** The session store commits without waiting for the disk; everything else keeps committing durably. */
@XinfangTest
class SessionStoreTests {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations sessionTransactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_session_repository_uses_the_relaxed_transactions_and_only_it() {
        assertThat(ReflectionTestUtils.getField(sessions, "transactionOperations")).isSameAs(sessionTransactions);
        String inside = sessionTransactions.execute(s -> setting());
        assertThat(inside).isEqualTo("off");
        assertThat(setting()).isEqualTo("on");
    }

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void a_session_saved_through_it_is_found_again() {
        org.springframework.session.SessionRepository repository = sessions;
        org.springframework.session.Session session = repository.createSession();
        session.setAttribute("probe", "值");
        repository.save(session);
        String found = (String) ((org.springframework.session.Session) repository.findById(session.getId())).getAttribute("probe");
        assertThat(found).isEqualTo("值");
        repository.deleteById(session.getId());
        assertThat(repository.findById(session.getId())).isNull();
    }

    private String setting() {
        return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
    }
}
