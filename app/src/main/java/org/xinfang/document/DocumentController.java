package org.xinfang.document;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The documents of a petition for staff: list, download as PDF or DOCX, make again, issue a 督办单. */
@RestController
@RequestMapping("/api/v1/petitions/{number}/documents")
class DocumentController {

    record GenerateRequest(@NotNull DocumentKind kind, @Size(max = 500) String reason, @Size(max = 1000) String requirement,
            LocalDate dueDate,
            @Pattern(regexp = "电话督办|发函督办|约谈督办|实地督办|联合督办|提级督办", message = "{document.supervision.method}") String method) {
    }

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping
    List<DocumentView> list(@PathVariable @Size(max = 40) String number) {
        return documents.list(number, CurrentStaff.require());
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable @Size(max = 40) String number, @PathVariable UUID id,
            @RequestParam(defaultValue = "PDF") String format) {
        return send(documents.download(number, id, DocumentDownloads.format(format), CurrentStaff.require()));
    }

    /**
     * Makes a document now: any kind from the case as it stands, or a 督办单 (kind SUPERVISION_ORDER) with
     * reason, requirement, due date and method.
     */
    @PostMapping
    ResponseEntity<DocumentView> generate(@PathVariable String number, @Valid @RequestBody GenerateRequest r) {
        // no constraint on the path variable here: it would switch MVC to method validation, which names
        // the body's field errors after the parameter ("r") instead of the fields
        DocumentView made;
        if (r.kind() == DocumentKind.SUPERVISION_ORDER) {
            DocumentDownloads.requireSupervisionFields(r.reason(), r.requirement(), r.dueDate(), r.method());
            made = documents.supervise(number, new Documents.SupervisionOrder(r.reason(), r.requirement(), r.dueDate(),
                    r.method()), CurrentStaff.require());
        } else {
            made = documents.generate(number, r.kind(), CurrentStaff.require());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(made);
    }

    static ResponseEntity<byte[]> send(Documents.DownloadedFile f) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(f.content());
    }
}
