package org.xinfang.workbench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.springframework.format.annotation.DateTimeFormat;
import org.xinfang.intake.Registration;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.ChinaTime;

/**
 * The registration form of a letter, visit or call, bound by Spring MVC. Its input names are the
 * field names {@link Registration} reports problems under ({@code petitioner.idCardNumber},
 * {@code representatives[0].name} …), so every server message lands next to its field.
 */
class RegistrationForm {

    /** One person on the form: the petitioner or a representative. */
    public static class Person {
        private String name;
        private String idCardNumber;
        private String phone;
        private String address;

        boolean isBlank() {
            return blank(name) && blank(idCardNumber) && blank(phone) && blank(address);
        }

        PetitionerDetails details() {
            return new PetitionerDetails(name, idCardNumber, phone, address);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdCardNumber() {
            return idCardNumber;
        }

        public void setIdCardNumber(String idCardNumber) {
            this.idCardNumber = idCardNumber;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }
    }

    static final int REPRESENTATIVE_ROWS = 5;

    private String idempotencyKey;
    // what <input type="datetime-local"> sends
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = { "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm" })
    private LocalDateTime receivedAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate letterDate;
    private String visitPlace;
    private Person petitioner = new Person();
    private List<Person> representatives = new ArrayList<>();
    private Integer headcount;
    private PetitionType type;
    private String category;
    private String regionCode;
    private String title;
    private String content;
    private boolean urgent;

    RegistrationForm() {
        for (int i = 0; i < REPRESENTATIVE_ROWS; i++) {
            representatives.add(new Person());
        }
    }

    /** What the form says, for {@link Registration#byClerk}; empty representative rows are left out. */
    Registration.Request request(Channel channel) {
        List<PetitionerDetails> reps = new ArrayList<>();
        if (channel == Channel.VISIT) {
            for (Person p : representatives) {
                if (p != null && !p.isBlank()) {
                    reps.add(p.details());
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (channel == Channel.LETTER && letterDate != null) {
            details.put("letterDate", letterDate.toString());
        }
        if (channel == Channel.VISIT && !blank(visitPlace)) {
            details.put("visitPlace", visitPlace.strip());
        }
        return new Registration.Request(channel, receivedAt == null ? null : receivedAt.atZone(ChinaTime.ZONE).toInstant(),
                petitioner == null ? null : petitioner.details(), reps,
                channel == Channel.VISIT ? headcount : Integer.valueOf(1), type, blank(category) ? null : category,
                regionCode, title, content, false, urgent, details);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public LocalDateTime getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(LocalDateTime receivedAt) {
        this.receivedAt = receivedAt;
    }

    public LocalDate getLetterDate() {
        return letterDate;
    }

    public void setLetterDate(LocalDate letterDate) {
        this.letterDate = letterDate;
    }

    public String getVisitPlace() {
        return visitPlace;
    }

    public void setVisitPlace(String visitPlace) {
        this.visitPlace = visitPlace;
    }

    public Person getPetitioner() {
        return petitioner;
    }

    public void setPetitioner(Person petitioner) {
        this.petitioner = petitioner;
    }

    public List<Person> getRepresentatives() {
        return representatives;
    }

    public void setRepresentatives(List<Person> representatives) {
        this.representatives = representatives;
    }

    public Integer getHeadcount() {
        return headcount;
    }

    public void setHeadcount(Integer headcount) {
        this.headcount = headcount;
    }

    public PetitionType getType() {
        return type;
    }

    public void setType(PetitionType type) {
        this.type = type;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }
}
