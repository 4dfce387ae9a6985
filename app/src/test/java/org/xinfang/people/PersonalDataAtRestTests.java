package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.support.XinfangTest;

/** Personal data reaches PostgreSQL only encrypted, and still can be found by exact ID card number. */
@XinfangTest
class PersonalDataAtRestTests {

    static final PetitionerDetails WANG = new PetitionerDetails("王小明", "11010519491231002X", "13812345678",
            "示范市东湖区翠湖路88号3栋2单元");

    @Autowired
    Petitioners petitioners;

    @Autowired
    JdbcClient jdbc;

    @Test
    void no_plaintext_personal_data_is_stored() {
        UUID id = petitioners.register(WANG.validated("", true));
        String rawRow = jdbc.sql("SELECT row_to_json(p)::text FROM people.petitioner p WHERE id = ?").param(id)
                .query(String.class).single();
        List<byte[]> rawColumns = jdbc.sql("SELECT name_enc, id_card_enc, phone_enc, address_enc FROM people.petitioner WHERE id = ?")
                .param(id).query((rs, n) -> List.of(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)))
                .single();
        for (String secret : List.of(WANG.name(), WANG.idCardNumber(), WANG.phone(), WANG.address(), "1949", "翠湖路")) {
            byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(rawRow).doesNotContain(secret).doesNotContain(HexFormat.of().formatHex(utf8));
            for (byte[] column : rawColumns) {
                assertThat(indexOf(column, utf8)).as("plaintext %s inside a stored column", secret).isEqualTo(-1);
            }
        }
        assertThat(petitioners.find(id)).contains(WANG);
    }

    @Test
    void the_same_person_is_one_record_found_by_id_card_through_the_blind_index() {
        UUID first = petitioners.register(WANG.validated("", true));
        UUID again = petitioners.register(new PetitionerDetails("王小明", "11010519491231002x", "13900001111", null)
                .validated("", true));
        assertThat(again).isEqualTo(first);
        assertThat(petitioners.findByIdCard("11010519491231002X")).contains(first);
        assertThat(petitioners.find(first).orElseThrow().phone()).isEqualTo("13900001111");
        assertThat(petitioners.find(first).orElseThrow().address()).isEqualTo(WANG.address());
    }

    @Test
    void invalid_details_are_refused_field_by_field_and_nothing_is_stored() {
        long before = jdbc.sql("SELECT count(*) FROM people.petitioner").query(Long.class).single();
        assertThatThrownBy(() -> new PetitionerDetails("", "110105194912310021", "12345", "x".repeat(201))
                .validated("petitioner.", true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("petitioner.name", "petitioner.idCardNumber", "petitioner.phone",
                                "petitioner.address"));
        assertThat(jdbc.sql("SELECT count(*) FROM people.petitioner").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void masked_for_display() {
        PetitionerDetails masked = WANG.masked();
        assertThat(masked.name()).isEqualTo("王**");
        assertThat(masked.idCardNumber()).isEqualTo("110***********002X");
        assertThat(masked.phone()).isEqualTo("138****5678");
        assertThat(WANG.toString()).doesNotContain("11010519491231002X").doesNotContain("13812345678");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
