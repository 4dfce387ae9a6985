package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.XinfangTest;

/**
 * An event whose listener never finished (PostgreSQL went away, the node was killed) is completed by
 * the next resubmission round, without a restart, and its effect is still there exactly once.
 */
@XinfangTest
class EventResubmissionTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventResubmission resubmission;
    @Autowired
    DataSource dataSource;

    @Test
    void an_unfinished_publication_is_completed_by_the_next_round_and_its_effect_stays_single() throws Exception {
        String number = register();
        UUID petitionId = jdbc.sql("SELECT id FROM petition.petition WHERE number = ?").param(number).query(UUID.class).single();
        await(() -> incompleteFor(petitionId) == 0);
        long sms = smsFor(petitionId);
        assertThat(sms).isEqualTo(1);

        // as if the node had died inside the listeners: the publications are incomplete and old
        int reopened = jdbc.sql("""
                UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING',
                       publication_date = now() - interval '10 minutes'
                WHERE serialized_event LIKE ?""").param("%" + petitionId + "%").update();
        assertThat(reopened).isGreaterThan(0);

        assertThat(resubmission.resubmitOnce()).isTrue();

        await(() -> incompleteFor(petitionId) == 0);
        assertThat(smsFor(petitionId)).as("the receipt SMS is not queued twice").isEqualTo(sms);
    }

    @Test
    void only_one_node_does_a_round_at_a_time() throws Exception {
        // another node holding the lock: this one skips the round
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(hashtext('xinfang-event-resubmission'))");
            assertThat(resubmission.resubmitOnce()).isFalse();
            st.execute("SELECT pg_advisory_unlock(hashtext('xinfang-event-resubmission'))");
        }
        assertThat(resubmission.resubmitOnce()).isTrue();
    }

    private long incompleteFor(UUID petitionId) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
                .param("%" + petitionId + "%").query(Long.class).single();
    }

    private long smsFor(UUID petitionId) {
        return jdbc.sql("SELECT count(*) FROM notification.sms_outbox WHERE petition_id = ?").param(petitionId).query(Long.class).single();
    }

    private String register() {
        Map<String, Object> person = Map.of("name", "重投测试", "idCardNumber", IdCards.next(), "phone", "13812345678",
                "address", "示范市东湖区翠湖路88号");
        Api.Response r = new Api(port).as("clerk").post("/api/v1/petitions", Map.of("channel", "LETTER", "petitioner", person,
                "type", "APPEAL", "category", "城乡建设", "regionCode", "990102001", "title", "楼道堆放杂物",
                "content", "楼道长期堆放杂物，存在消防隐患，请求清理。"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(end);
            Thread.sleep(100);
        }
    }
}
