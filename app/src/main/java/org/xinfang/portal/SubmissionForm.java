package org.xinfang.portal;

/**
 * The submission form as the browser sends it; every field a plain string so that nothing a citizen
 * types is lost to a conversion error before it can be explained.
 *
 * @param formKey       server-generated per form; the idempotency key of the submission
 * @param publicAllowed "yes" if the matter may be published (可否公开), anything else means no
 */
record SubmissionForm(String formKey, String type, String category, String district, String township, String community,
        String title, String content, String name, String idCardNumber, String phone, String address,
        String publicAllowed) {

    static SubmissionForm blank(String formKey) {
        return new SubmissionForm(formKey, null, null, null, null, null, null, null, null, null, null, null, "no");
    }

    /** The most precise place chosen: community, else township, else district. */
    String regionCode() {
        if (has(community)) {
            return community.strip();
        }
        if (has(township)) {
            return township.strip();
        }
        return has(district) ? district.strip() : null;
    }

    boolean isPublicAllowed() {
        return "yes".equals(publicAllowed);
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }
}
