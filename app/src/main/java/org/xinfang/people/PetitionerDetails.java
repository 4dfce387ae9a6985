package org.xinfang.people;

import java.util.ArrayList;
import java.util.List;

import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * What a petitioner tells about themselves. Validated field by field; {@code fieldPrefix} names the
 * fields in error messages as the caller's form or JSON does (e.g. {@code petitioner.}).
 */
public record PetitionerDetails(String name, String idCardNumber, String phone, String address) {

    public static final int MAX_NAME = 50;
    public static final int MAX_ADDRESS = 200;

    /** Checks every field and normalises the ID card and phone; throws with all problems at once. */
    public PetitionerDetails validated(String fieldPrefix, boolean idCardRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add(FieldProblem.of(fieldPrefix + "name", "validation.required"));
        } else if (cleanName.length() > MAX_NAME) {
            problems.add(FieldProblem.of(fieldPrefix + "name", "validation.tooLong", MAX_NAME));
        }
        String idCard = null;
        if (idCardNumber != null && !idCardNumber.isBlank()) {
            try {
                idCard = IdCardNumber.parse(idCardNumber).value();
            } catch (InvalidPersonalDataException e) {
                problems.add(FieldProblem.literal(fieldPrefix + "idCardNumber", e.chineseMessage(), e.englishMessage()));
            }
        } else if (idCardRequired) {
            problems.add(FieldProblem.of(fieldPrefix + "idCardNumber", "validation.required"));
        }
        String cleanPhone = null;
        if (phone != null && !phone.isBlank()) {
            try {
                cleanPhone = PhoneNumber.parse(phone).value();
            } catch (InvalidPersonalDataException e) {
                problems.add(FieldProblem.literal(fieldPrefix + "phone", e.chineseMessage(), e.englishMessage()));
            }
        }
        String cleanAddress = address == null || address.isBlank() ? null : address.strip();
        if (cleanAddress != null && cleanAddress.length() > MAX_ADDRESS) {
            problems.add(FieldProblem.of(fieldPrefix + "address", "validation.tooLong", MAX_ADDRESS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PetitionerDetails(cleanName, idCard, cleanPhone, cleanAddress);
    }

    /** The same details masked for display (张**, 110***********123X, 138****1234). */
    public PetitionerDetails masked() {
        return new PetitionerDetails(Masking.name(name), Masking.idCard(idCardNumber), Masking.phone(phone),
                Masking.address(address));
    }

    @Override
    public String toString() {
        return "PetitionerDetails" + masked().asList();
    }

    private List<String> asList() {
        return java.util.Arrays.asList(name, idCardNumber, phone, address);
    }
}
