package org.xinfang.reception;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Records of the reception side, built by {@link Receptions}. */
public final class ReceptionViews {

    private ReceptionViews() {
    }

    /** A reception day to publish. */
    public record NewSlot(String leaderName, String leaderPost, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt,
            String place, String topics, Integer capacity) {
    }

    /** A reception day as staff see it. */
    public record Slot(long id, String leaderName, String leaderPost, LocalDate heldOn, LocalTime startsAt,
            LocalTime endsAt, String place, String topics, int capacity, int booked, String unitName,
            boolean cancelled) {

        public int remaining() {
            return Math.max(0, capacity - booked);
        }
    }

    /**
     * A reception day as the public sees it: no names of who booked, only how many places are left.
     * Serializable because the portal carries a booking across its redirect in the (database-stored) session.
     */
    public record PublicSlot(long id, String leaderName, String leaderPost, LocalDate heldOn, LocalTime startsAt,
            LocalTime endsAt, String place, String topics, int remaining) implements Serializable {

        public boolean full() {
            return remaining <= 0;
        }
    }

    /** An appointment request: who, how to reach them, what about. */
    public record Booking(String name, String phone, String topic) {
    }

    /** A confirmed appointment: its 预约号 and the day booked. */
    public record Booked(String number, PublicSlot slot) implements Serializable {
    }

    /** An appointment on a reception day; name and phone masked unless the reader handles personal data. */
    public record Appointment(String number, String name, String phone, String topic, String source, String status,
            String statusLabel, OffsetDateTime bookedAt, boolean masked) {

        public boolean waiting() {
            return "BOOKED".equals(status);
        }
    }

    /**
     * A reception to record. Either {@code existingPetitionNumber} names the petition it continues, or a
     * new 来访 petition is registered from the visitor's details and the region, type, category and title.
     */
    public record NewRecord(String appointmentNumber, String visitorName, String visitorIdCardNumber,
            String visitorPhone, String visitorAddress, String request, String decision, String existingPetitionNumber,
            String regionCode, String type, String category, String title) {
    }

    /** A recorded reception. */
    public record Record(long id, String visitor, OffsetDateTime receivedAt, String request, String decision,
            String petitionNumber, boolean newPetition, String recordedBy) {
    }

    /** A reception day with its appointments and records. */
    public record SlotDetail(Slot slot, List<Appointment> appointments, List<Record> records) {
    }

    /** 带案下访 to record. */
    public record NewFieldVisit(String leaderName, String leaderPost, LocalDate visitedOn, String regionCode,
            String place, List<String> petitionNumbers, String outcome) {
    }

    /** A recorded 带案下访. */
    public record FieldVisit(long id, String leaderName, String leaderPost, LocalDate visitedOn, String territory,
            String place, List<String> petitionNumbers, String outcome, String recordedBy) {
    }
}
