package org.xinfang.intake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/petitions} (a clerk registers from any channel) and
 * {@code POST /api/v1/public/petitions} (a citizen submits online, with an Idempotency-Key).
 */
@RestController
class IntakeController {

    record Person(@Size(max = 100) String name, @Size(max = 40) String idCardNumber, @Size(max = 40) String phone,
            @Size(max = 400) String address) {

        PetitionerDetails details() {
            return new PetitionerDetails(name, idCardNumber, phone, address);
        }
    }

    /** An attachment in JSON: the file's bytes in standard Base64. */
    @Schema(description = "附件：图片（JPEG、PNG、GIF、WebP）或 PDF，类型按文件内容识别（声明的类型和扩展名不作依据）；"
            + "每件不超过 10 MB，至多 5 件，合计不超过 20 MB。An image or PDF; the type is sniffed from the content; "
            + "at most 5 files of 10 MB each, 20 MB together.")
    record AttachmentJson(@Schema(description = "文件名 file name", example = "现场照片.jpg") @Size(max = 200) String name,
            @Schema(description = "声明的类型（仅作记录）declared type, recorded only", example = "image/jpeg")
            @Size(max = 100) String contentType,
            @Schema(description = "文件内容的 Base64 编码 the content, Base64-encoded") String data) {
    }

    /** Staff registration; the channel-specific fields are optional and only used on their channel. */
    record StaffRequest(Channel channel, OffsetDateTime receivedAt, @Valid Person petitioner,
            List<@Valid Person> representatives, Integer headcount, PetitionType type, @Size(max = 100) String category,
            @Size(max = 20) String regionCode, @Size(max = 1000) String title, @Size(max = 60000) String content,
            Boolean isPublicAllowed, Boolean urgent, OffsetDateTime letterDate, OffsetDateTime callTime,
            @Size(max = 100) String visitPlace, List<@Valid AttachmentJson> attachments) {
    }

    /** 网上信访 as the portal and other systems submit it. */
    record PublicRequest(@Size(max = 100) String name, @Size(max = 40) String idCardNumber, @Size(max = 40) String phone,
            @Size(max = 400) String address, @Size(max = 20) String regionCode, PetitionType type,
            @Size(max = 100) String category, @Size(max = 1000) String title, @Size(max = 60000) String content,
            Boolean isPublicAllowed, List<@Valid AttachmentJson> attachments) {
    }

    record Receipt(String number, String queryCode, OffsetDateTime receivedAt, UUID id, String status) {
    }

    private final Registration registration;

    IntakeController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/v1/petitions")
    ResponseEntity<Receipt> register(@Valid @RequestBody StaffRequest r,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        checkKey(key, false);
        Map<String, Object> details = new LinkedHashMap<>();
        if (r.channel() == Channel.LETTER && r.letterDate() != null) {
            details.put("letterDate", r.letterDate().toString());
        }
        if (r.channel() == Channel.PHONE && r.callTime() != null) {
            details.put("callTime", r.callTime().toString());
        }
        if (r.channel() == Channel.VISIT && r.visitPlace() != null) {
            details.put("visitPlace", r.visitPlace());
        }
        List<PetitionerDetails> reps = r.representatives() == null ? List.of()
                : r.representatives().stream().map(p -> p == null ? null : p.details()).toList();
        List<FieldProblem> problems = new ArrayList<>();
        Registration.Request request = new Registration.Request(r.channel(),
                r.receivedAt() == null ? null : r.receivedAt().toInstant(),
                r.petitioner() == null ? null : r.petitioner().details(), reps, r.headcount(), r.type(), r.category(),
                r.regionCode(), r.title(), r.content(), Boolean.TRUE.equals(r.isPublicAllowed()),
                Boolean.TRUE.equals(r.urgent()), details, decode(r.attachments(), problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return answer(registration.byClerk(request, key, CurrentStaff.require()));
    }

    @PostMapping("/api/v1/public/petitions")
    ResponseEntity<Receipt> submitOnline(@Valid @RequestBody PublicRequest r,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        checkKey(key, true);
        List<FieldProblem> problems = new ArrayList<>();
        Registration.Request request = new Registration.Request(Channel.ONLINE, null,
                new PetitionerDetails(r.name(), r.idCardNumber(), r.phone(), r.address()), List.of(), 1,
                r.type() == null ? PetitionType.APPEAL : r.type(), r.category(), r.regionCode(), r.title(), r.content(),
                Boolean.TRUE.equals(r.isPublicAllowed()), false, Map.of(), decode(r.attachments(), problems));
        if (!problems.isEmpty()) {
            // report the undecodable files together with everything else that is wrong
            try {
                registration.checkOnline(request);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            throw new InvalidInputException(problems);
        }
        return answer(registration.online(request, key));
    }

    /** Base64 to bytes; a file that does not decode is reported and left out. */
    private static List<Attachment> decode(List<AttachmentJson> files, List<FieldProblem> problems) {
        List<Attachment> decoded = new ArrayList<>();
        if (files == null) {
            return decoded;
        }
        for (int i = 0; i < files.size(); i++) {
            AttachmentJson f = files.get(i);
            if (f == null || f.data() == null || f.data().isBlank()) {
                problems.add(FieldProblem.of("attachments[" + i + "].data", "validation.required"));
                continue;
            }
            try {
                decoded.add(new Attachment(f.name(), f.contentType(), Base64.getDecoder().decode(f.data().replaceAll("\\s", ""))));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("attachments[" + i + "].data", "validation.attachment.base64"));
            }
        }
        return decoded;
    }

    private static ResponseEntity<Receipt> answer(Registration.Submitted outcome) {
        PetitionLifecycle.Receipt r = outcome.receipt();
        Receipt body = new Receipt(r.number(), r.queryCode(),
                r.receivedAt().atZone(org.xinfang.shared.ChinaTime.ZONE).toOffsetDateTime(), r.id(), r.status().name());
        // a replay gets exactly the first answer, status included
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static void checkKey(String key, boolean required) {
        if (key == null) {
            if (required) {
                throw new InvalidInputException("Idempotency-Key", "validation.idempotencyKey");
            }
            return;
        }
        if (key.isBlank() || key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new InvalidInputException("Idempotency-Key", "validation.idempotencyKey");
        }
    }
}
