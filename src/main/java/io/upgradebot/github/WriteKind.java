package io.upgradebot.github;

/**
 * Every kind of GitHub write the queue can run. {@code contentCreating} ones count against GitHub's
 * content-creation budget (80/min, 500/h); all are paced by the write interval.
 *
 * <p>Payload fields (JSON) and result fields per kind:
 * <ul>
 *   <li>CREATE_ISSUE: repo, title, body, labels[], milestone (number, optional), marker → number, id, node_id, url</li>
 *   <li>COMMENT: repo, number, body, marker → id</li>
 *   <li>REPLACE_BODY_SECTION: repo, number, section (name), content → (none). Reads the body, replaces only the text
 *       between {@code <!-- upgrade-bot:section:NAME:start -->} and {@code …:end -->} (appending the section when
 *       absent), writes it back: human edits outside the section are kept.</li>
 *   <li>CLOSE_ISSUE: repo, number, state_reason → (none)</li>
 *   <li>ENSURE_MILESTONE: repo, title → number</li>
 *   <li>ADD_SUB_ISSUE: repo, parent_number, child_id → (none)</li>
 *   <li>ENSURE_BOARD_OPTION: org, board_number, field, option → option_id (keeps every existing option)</li>
 *   <li>ADD_BOARD_ITEM: org, board_number, content_node_id → item_id</li>
 *   <li>SET_BOARD_FIELD: org, board_number, item_id, field, option → (none)</li>
 * </ul>
 * Any string in a payload may hold {@code ${ref:KEY#field}}: it is replaced, when the write runs, by that field
 * of the result of the write with idempotency key KEY. A write waits until every write it refers to is done,
 * and fails when one of them failed.
 */
public enum WriteKind {
    CREATE_ISSUE(true),
    COMMENT(true),
    REPLACE_BODY_SECTION(false),
    CLOSE_ISSUE(false),
    ENSURE_MILESTONE(true),
    ADD_SUB_ISSUE(false),
    ENSURE_BOARD_OPTION(false),
    ADD_BOARD_ITEM(false),
    SET_BOARD_FIELD(false);

    private final boolean contentCreating;

    WriteKind(boolean contentCreating) {
        this.contentCreating = contentCreating;
    }

    public boolean contentCreating() {
        return contentCreating;
    }
}
