package org.xinfang.reply;

import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionType;

/**
 * A reply to check and the petition it answers.
 *
 * @param type           the kind of petition, or null if unknown (then the outcome is looked for in the text)
 * @param title          the petition's title
 * @param content        the petition's text, where its demands are found
 * @param outcome        the outcome chosen for the reply, or null if not chosen
 * @param text           the reply
 * @param stage          0 a 处理意见, 1 a 复查意见, 2 a 复核意见 — which notice it must carry
 * @param expectedOrgan  the organ the notice must name (the organ above), or null if not known
 * @param petitionerName the petitioner's name (may be masked: only the surname is used), or null
 */
public record ReplyDraft(PetitionType type, String title, String content, Outcome outcome, String text, int stage,
        String expectedOrgan, String petitionerName) {

    public ReplyDraft {
        title = title == null ? "" : title;
        content = content == null ? "" : content;
        text = text == null ? "" : text;
    }
}
