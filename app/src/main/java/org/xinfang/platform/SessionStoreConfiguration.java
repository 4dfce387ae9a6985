package org.xinfang.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff sessions are kept in PostgreSQL (Spring Session JDBC) so that every node knows them. Each staff
 * request touches its session (last access time), and with the database durable every such touch waited for
 * its own flush to disk before the page was sent: about 17 ms of every inbox and case page at 1,000,000
 * petitions. The session store's own transactions therefore commit with {@code synchronous_commit off}: the
 * write still reaches the log in order and the database stays consistent; what a crash can lose is the last
 * fraction of a second of session touches — a staff member signs in again, or a session ends a little
 * earlier. Petitions, their steps and the audit trail keep committing durably; nothing a petitioner or a
 * member of staff was told is affected.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * The application's own transaction template, as Spring Boot would make it (Boot makes it only when no
     * other {@link TransactionOperations} exists, and the session store's below is one).
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** Taken by Spring Session JDBC by this name, in place of its own transaction template. */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // as Spring Session's own
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return template.execute(status -> {
                    jdbc.execute("SET LOCAL synchronous_commit TO off");
                    return action.doInTransaction(status);
                });
            }
        };
    }
}
