package org.xinfang.document;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Size;

/**
 * The petitioner's copies of the notices and opinions addressed to them, with number + 查询码 (the portal's
 * tracking page links here). Internal forms are never served here; a wrong code is a plain 404.
 */
@RestController
@RequestMapping("/api/v1/public/petitions/{number}/documents")
class PublicDocumentController {

    private final Documents documents;

    PublicDocumentController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping
    List<DocumentView> list(@PathVariable @Size(max = 40) String number,
            @RequestParam(required = false) @Size(max = 32) String queryCode) {
        return documents.listForPetitioner(number, queryCode);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable @Size(max = 40) String number, @PathVariable UUID id,
            @RequestParam(required = false) @Size(max = 32) String queryCode,
            @RequestParam(defaultValue = "PDF") String format) {
        return DocumentController.send(documents.downloadForPetitioner(number, id, queryCode,
                DocumentDownloads.format(format)));
    }
}
