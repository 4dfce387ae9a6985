package org.xinfang.document;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;

import tools.jackson.databind.json.JsonMapper;

/**
 * The files (PDF, DOCX) of issued documents: rendered at once, or — for the kinds a step issues in
 * bulk, the 登记表 of every registration — later from the content composed when the document was issued
 * ({@code document.issued.content_enc}), on the first download or by the {@link DeferredRendering
 * background renderer}, and stored then. What is printed is what was issued: the frozen text, the
 * template version's seal, nothing recomposed from the case as it stands later.
 * <p>
 * Rendering a PDF with embedded CJK fonts costs 150–250 ms of CPU; doing it in the listener of every
 * registration made it the largest cost of a submission (see bench/README.md, "Load benchmark").
 */
@Component
class DocumentFiles {

    private final DocumentStore store;
    private final PdfRendering pdf;
    private final DocxRendering docx;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    DocumentFiles(DocumentStore store, PdfRendering pdf, DocxRendering docx, PersonalDataCipher cipher, JsonMapper json,
            TransactionTemplate tx) {
        this.store = store;
        this.pdf = pdf;
        this.docx = docx;
        this.cipher = cipher;
        this.json = json;
        this.tx = tx;
    }

    /** Whether a kind's files are rendered after it is issued rather than in the step's listener. */
    static boolean rendersLater(DocumentKind kind) {
        return kind == DocumentKind.REGISTRATION_FORM;
    }

    /** Both files of a document. */
    Map<DocumentFormat, byte[]> render(OfficialDocument doc) {
        Map<DocumentFormat, byte[]> files = new EnumMap<>(DocumentFormat.class);
        files.put(DocumentFormat.PDF, pdf.render(doc));
        files.put(DocumentFormat.DOCX, docx.render(doc));
        return files;
    }

    /** The composed document as stored until (and after) it is rendered: JSON without the seal, sealed. */
    byte[] freeze(OfficialDocument doc) {
        OfficialDocument withoutSeal = new OfficialDocument(doc.kind(), doc.mark(), doc.organ(), doc.docNumber(), doc.title(),
                doc.addressee(), doc.paragraphs(), doc.rows(), doc.closing(), doc.signature(), doc.date(), null,
                doc.footnote());
        return cipher.encrypt(json.writeValueAsString(withoutSeal), Field.OTHER);
    }

    /** The document as issued: the frozen content with the seal of the template version it was issued from. */
    OfficialDocument thaw(DocumentStore.Unrendered u) {
        OfficialDocument d = json.readValue(cipher.decrypt(u.contentEnc(), Field.OTHER), OfficialDocument.class);
        byte[] seal = store.templateSeal(u.templateId());
        return new OfficialDocument(d.kind(), d.mark(), d.organ(), d.docNumber(), d.title(), d.addressee(), d.paragraphs(),
                d.rows(), d.closing(), d.signature(), d.date(), seal, d.footnote());
    }

    /**
     * One stored file of a document; a document whose files were left for later is rendered now (both
     * formats, stored once: a concurrent first download keeps whichever was stored first).
     */
    Optional<DocumentStore.StoredFile> file(UUID documentId, DocumentFormat format) {
        Optional<DocumentStore.StoredFile> stored = store.file(documentId, format);
        if (stored.isPresent()) {
            return stored;
        }
        Optional<DocumentStore.Unrendered> unrendered = store.unrendered(documentId);
        if (unrendered.isEmpty()) {
            return Optional.empty();
        }
        store.storeFiles(documentId, render(thaw(unrendered.get())));
        return store.file(documentId, format);
    }

    /**
     * Renders up to {@code max} documents whose files were left for later, oldest first, each in its own
     * transaction; rows another node is rendering are skipped.
     *
     * @return how many were rendered
     */
    int renderPending(int max) {
        int done = 0;
        while (done < max) {
            Boolean one = tx.execute(s -> store.nextUnrendered().map(u -> {
                store.storeFiles(u.documentId(), render(thaw(u)));
                return true;
            }).orElse(false));
            if (!Boolean.TRUE.equals(one)) {
                break;
            }
            done++;
        }
        return done;
    }
}
