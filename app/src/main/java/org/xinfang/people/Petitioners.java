package org.xinfang.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of petitioners. A person identified by their ID card number is one record however
 * often they petition (the basis of 重复信访 detection); their latest contact details replace older ones.
 * Everything personal is encrypted before it reaches SQL.
 */
@Service
public class Petitioners {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Petitioners(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Records the petitioner (already validated details) and returns their id. */
    @Transactional
    public UUID register(PetitionerDetails details) {
        Instant now = clock.instant();
        byte[] idIndex = cipher.blindIndex(details.idCardNumber(), Field.ID_CARD);
        if (idIndex != null) {
            Optional<UUID> existing = jdbc.sql("SELECT id FROM people.petitioner WHERE id_card_index = ? FOR UPDATE")
                    .param(idIndex).query(UUID.class).optional();
            if (existing.isPresent()) {
                jdbc.sql("""
                        UPDATE people.petitioner SET name_enc = ?, phone_enc = COALESCE(?, phone_enc),
                            phone_index = COALESCE(?, phone_index), address_enc = COALESCE(?, address_enc), updated_at = ?
                        WHERE id = ?""")
                        .params(cipher.encrypt(details.name(), Field.NAME), cipher.encrypt(details.phone(), Field.PHONE),
                                cipher.blindIndex(details.phone(), Field.PHONE),
                                cipher.encrypt(details.address(), Field.ADDRESS), Timestamp.from(now), existing.get())
                        .update();
                return existing.get();
            }
        }
        UUID id = UUID.randomUUID();
        // ON CONFLICT: two first petitions of the same person at the same moment still make one record
        return jdbc.sql("""
                INSERT INTO people.petitioner (id, name_enc, id_card_enc, id_card_index, phone_enc, phone_index,
                    address_enc, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id_card_index) WHERE id_card_index IS NOT NULL DO UPDATE SET updated_at = EXCLUDED.updated_at
                RETURNING id""")
                .params(id, cipher.encrypt(details.name(), Field.NAME), cipher.encrypt(details.idCardNumber(), Field.ID_CARD),
                        idIndex, cipher.encrypt(details.phone(), Field.PHONE), cipher.blindIndex(details.phone(), Field.PHONE),
                        cipher.encrypt(details.address(), Field.ADDRESS), Timestamp.from(now), Timestamp.from(now))
                .query(UUID.class).single();
    }

    /** The decrypted details; callers mask them unless the viewer's role may see them in full. */
    public Optional<PetitionerDetails> find(UUID id) {
        return jdbc.sql("SELECT name_enc, id_card_enc, phone_enc, address_enc FROM people.petitioner WHERE id = ?")
                .param(id)
                .query((rs, n) -> new PetitionerDetails(cipher.decrypt(rs.getBytes(1), Field.NAME),
                        cipher.decrypt(rs.getBytes(2), Field.ID_CARD), cipher.decrypt(rs.getBytes(3), Field.PHONE),
                        cipher.decrypt(rs.getBytes(4), Field.ADDRESS)))
                .optional();
    }

    /** The petitioner with this ID card number, found through the blind index without decrypting anything. */
    public Optional<UUID> findByIdCard(String idCardNumber) {
        String normalised = IdCardNumber.isValid(idCardNumber) ? IdCardNumber.parse(idCardNumber).value() : idCardNumber;
        return jdbc.sql("SELECT id FROM people.petitioner WHERE id_card_index = ?")
                .param(cipher.blindIndex(normalised, Field.ID_CARD)).query(UUID.class).optional();
    }

    /**
     * The masked names (张**) of many petitioners in one query, for work lists and exports, which show
     * people only masked. Unknown ids are simply absent from the result.
     */
    public Map<UUID, String> maskedNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, name_enc FROM people.petitioner WHERE id = ANY(?)")
                .param(ids.stream().distinct().toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), Masking.name(cipher.decrypt(rs.getBytes(2), Field.NAME)));
                });
        return names;
    }
}
