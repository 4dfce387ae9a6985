package org.xinfang.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.xinfang.shared.FieldProblem;

/**
 * What a petition may carry as attachments: photos (JPEG, PNG, GIF, WebP) and PDF documents, each
 * recognised by its first bytes (magic numbers), never by its name or declared type — an {@code .exe}
 * renamed {@code .jpg} starts with {@code MZ} and is refused. At most {@value #MAX_COUNT} files of
 * {@value #MAX_FILE_MB} MB each and {@value #MAX_TOTAL_MB} MB together: enough for a few phone photos
 * and a scanned letter, small enough that PostgreSQL rows and backups stay reasonable.
 */
final class AttachmentPolicy {

    static final int MAX_COUNT = 5;
    static final int MAX_FILE_MB = 10;
    static final int MAX_TOTAL_MB = 20;
    static final int MAX_NAME = 100;
    private static final int MB = 1024 * 1024;

    /** A type this policy accepts, with the extension a download gets. */
    enum Kind {
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png"),
        GIF("image/gif", "gif"),
        WEBP("image/webp", "webp"),
        PDF("application/pdf", "pdf");

        final String mediaType;
        final List<String> extensions;

        Kind(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = List.of(extensions);
        }
    }

    /** An attachment that passed: its clean name and the sniffed type. */
    record Checked(String name, Kind kind, byte[] data) {
    }

    private AttachmentPolicy() {
    }

    /** The type the content really has, if it is one we accept. */
    static Optional<Kind> sniff(byte[] d) {
        if (d == null) {
            return Optional.empty();
        }
        if (startsWith(d, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(d, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(d, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(Kind.GIF);
        }
        if (startsWith(d, 0, 'R', 'I', 'F', 'F') && startsWith(d, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(Kind.WEBP);
        }
        if (startsWith(d, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(Kind.PDF);
        }
        return Optional.empty();
    }

    /** Checks every attachment; problems are added to {@code problems}, the good ones returned. */
    static List<Checked> check(List<Attachment> attachments, List<FieldProblem> problems) {
        List<Checked> ok = new ArrayList<>();
        if (attachments == null || attachments.isEmpty()) {
            return ok;
        }
        if (attachments.size() > MAX_COUNT) {
            problems.add(FieldProblem.of("attachments", "validation.attachments.count", MAX_COUNT));
            return ok;
        }
        long total = 0;
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            String field = "attachments[" + i + "]";
            String name = cleanName(a == null ? null : a.name(), i);
            if (a == null || a.size() == 0) {
                problems.add(FieldProblem.of(field, "validation.attachment.empty", name));
                continue;
            }
            if (a.size() > MAX_FILE_MB * MB) {
                problems.add(FieldProblem.of(field, "validation.attachment.tooLarge", name, MAX_FILE_MB));
                continue;
            }
            Optional<Kind> kind = sniff(a.data());
            if (kind.isEmpty()) {
                problems.add(FieldProblem.of(field, "validation.attachment.type", name));
                continue;
            }
            total += a.size();
            ok.add(new Checked(withExtension(name, kind.get()), kind.get(), a.data()));
        }
        if (total > (long) MAX_TOTAL_MB * MB) {
            problems.add(FieldProblem.of("attachments", "validation.attachments.total", MAX_TOTAL_MB));
        }
        return ok;
    }

    /**
     * The last path segment without control or format characters, at most {@value #MAX_NAME}
     * characters; "附件1" and so on when nothing is left.
     */
    static String cleanName(String raw, int index) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}<>:\"|?*]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "附件" + (index + 1);
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME - ext.length())) + ext;
        }
        return name;
    }

    /** Staff open downloads by extension, so it must match the real type: {@code 照片 → 照片.jpg}. */
    static String withExtension(String name, Kind kind) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return kind.extensions.contains(ext) ? name : name + "." + kind.extensions.get(0);
    }

    private static boolean startsWith(byte[] data, int offset, int... magic) {
        if (data.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
