-- Petitioners (信访人). Personal data is stored only encrypted (SM4-GCM, *_enc) with HMAC-SM3 blind
-- indexes (*_index) beside it for exact-match lookups; no plaintext personal data in any column.
CREATE SCHEMA people;

CREATE TABLE people.petitioner (
    id             UUID        PRIMARY KEY,
    name_enc       BYTEA       NOT NULL,
    id_card_enc    BYTEA,
    id_card_index  BYTEA,
    phone_enc      BYTEA,
    phone_index    BYTEA,
    address_enc    BYTEA,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX petitioner_id_card_idx ON people.petitioner (id_card_index) WHERE id_card_index IS NOT NULL;
CREATE INDEX petitioner_phone_idx ON people.petitioner (phone_index) WHERE phone_index IS NOT NULL;
