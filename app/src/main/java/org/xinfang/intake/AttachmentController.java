package org.xinfang.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.shared.NotFoundException;

/**
 * {@code GET /api/v1/petitions/{number}/attachments} and {@code …/{id}}: the files handed in with a
 * petition, for staff whose scope reaches it. Always served as a download with the sniffed type.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/petitions/{number}/attachments")
    List<Attachments.Info> list(@PathVariable String number) {
        return attachments.of(number, CurrentStaff.require());
    }

    @GetMapping("/api/v1/petitions/{number}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable UUID id) {
        Attachments.Content c = attachments.content(number, id, CurrentStaff.require())
                .orElseThrow(() -> new NotFoundException("petition.notFound"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(c.name(), StandardCharsets.UTF_8).build().toString())
                .body(c.data());
    }
}
