/**
 * 公文: the official documents of a petition — the notices and opinions addressed to the petitioner
 * (受理告知书, 不予受理 / 不再受理告知书, 延期告知书, 处理意见书, 复查 / 复核意见书) and the internal forms
 * (转送单, 交办单, 督办单, 办结报告, 登记表) — laid out after GB/T 9704, rendered to PDF with embedded CJK
 * fonts and to DOCX, generated when the step happens, stored with the case and downloadable by staff
 * in scope and, for what is addressed to them, by petitioners with their query code. Also the Excel
 * ledger (台账) of petitions.
 *
 * <p>Why openhtmltopdf and not OpenPDF: a notice is a page of flowing Chinese text with GB/T 9704's margins,
 * line pitch, right-aligned signature block and a seal pressed over it, and forms are tables whose rows
 * grow with their content. HTML and CSS state that layout declaratively (and line-break CJK text); with
 * OpenPDF every position would be computed by hand. openhtmltopdf draws through PDFBox, which subsets and
 * embeds TrueType fonts (not CFF-based ones such as Noto CJK, hence the Arphic and WenQuanYi fonts, see
 * {@code DocumentSettings}), and the same PDFBox reads the files back in the tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Official documents")
package org.xinfang.document;
