package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.view.View;
import io.upgradebot.slack.CallbackIds;

/**
 * A modal to open at once with the request's trigger_id (valid 3 s, once) and fill later with
 * {@code SlackGateway.updateView(viewId, …)} from an AfterAck task, when the data (GitHub) is there.
 */
public final class LoadingModal {

    static final int TITLE_LIMIT = 24;

    private LoadingModal() {
    }

    public static View of(CallbackIds callbackId, String title) {
        String t = title.length() > TITLE_LIMIT ? title.substring(0, TITLE_LIMIT - 1) + "…" : title;
        return view(v -> v.type("modal")
                .callbackId(callbackId.id())
                .title(viewTitle(vt -> vt.type("plain_text").text(t)))
                .close(viewClose(vc -> vc.type("plain_text").text("Cancel")))
                .blocks(asBlocks(section(s -> s.text(markdownText(":hourglass_flowing_sand: Loading…"))))));
    }

    /** A modal with only a word (a form that no longer fits what it was for); nothing to submit. */
    public static View notice(String mrkdwn) {
        return view(v -> v.type("modal")
                .callbackId(CallbackIds.NOTICE.id())
                .title(viewTitle(vt -> vt.type("plain_text").text("Upgrade bot")))
                .close(viewClose(vc -> vc.type("plain_text").text("Close")))
                .blocks(asBlocks(section(s -> s.text(markdownText(mrkdwn))))));
    }
}
