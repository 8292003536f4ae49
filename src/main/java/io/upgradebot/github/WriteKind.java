package io.upgradebot.github;

/**
 * Every kind of GitHub write the queue can run. {@code contentCreating} ones count against GitHub's
 * content-creation budget (80/min, 500/h, counted by the bot when the write is claimed); all are paced by the write
 * interval and run one at a time.
 *
 * <p>Payload fields (JSON) and result fields per kind (numbers may be given as numbers or numeric strings); each
 * payload is a {@link WritePayload} record, turned into this JSON and read back only there:
 * <ul>
 *   <li>CREATE_ISSUE: repo, title, body, labels[], milestone (number, optional), marker (optional) → number, id,
 *       node_id, url. The body gets the hidden marker appended unless it already contains it: {@code marker} as
 *       given when it is an HTML comment (e.g. {@code domain.Markers.repoIssue(...)}), wrapped in one when bare,
 *       {@code <!-- upgrade-bot:write:KEY -->} when absent. A retried write looks for that marker among the issues
 *       the bot created before creating again.</li>
 *   <li>COMMENT: repo, number, body, marker (optional, as above, searched among the issue's comments) → id</li>
 *   <li>REPLACE_BODY_SECTION: repo, number, section (name), content → changed (boolean). Reads the body, replaces only
 *       the text between {@code <!-- upgrade-bot:section:NAME:start -->} and {@code …:end -->} (appending the section
 *       when absent; rules in {@code domain.BodySections}), writes it back only when it changed: human edits outside
 *       the section are kept.</li>
 *   <li>CLOSE_ISSUE: repo, number, state_reason ({@code completed} default, or {@code not_planned}) → (none)</li>
 *   <li>REOPEN_ISSUE: repo, number → (none); an open issue stays open</li>
 *   <li>ENSURE_MILESTONE: repo, title → number (an existing milestone with that title is reused)</li>
 *   <li>ADD_SUB_ISSUE: repo, parent_number, child_id (numeric id, not number) → (none); already linked is
 *       success</li>
 *   <li>ENSURE_BOARD_OPTION: org, board_number, field, option → option_id, option (keeps every existing option and
 *       its id); on a field that is not a single-select, nothing to do (option_id is empty)</li>
 *   <li>ADD_BOARD_ITEM: org, board_number, content_node_id → item_id (the existing item when already on the
 *       board)</li>
 *   <li>SET_BOARD_FIELD: org, board_number, item_id, field, option (name) or option_id → (none). Written as the
 *       field's type asks: the option of a single-select, the text itself in a text field, a number or an ISO date
 *       in a number or date field.</li>
 *   <li>SET_CHECKLIST_ITEMS: repo, number, items[{text, ticked}] → changed (boolean), missing[] (texts whose task
 *       line is not in the body), attempts. Reads the body, sets only the checkbox character of each line found by its
 *       text ({@code domain.ChecklistLines}), reads the body again just before writing and starts over from the fresh
 *       body when a person edited it in between (GitHub has no conditional update of an issue), and writes only when
 *       something changed. A line not found is left alone; the body is never rewritten wholesale.</li>
 * </ul>
 * Any string in a payload may hold {@code ${ref:KEY#field}} ({@link PayloadRefs#ref}): it is replaced, when the write
 * runs, by that field of the result of the write with idempotency key KEY (a string that is exactly one reference
 * takes the value with its JSON type). Any payload may also carry {@code after: [KEY, …]}, writes that must be done
 * first without taking a value from them. A write waits until every write it refers to is done, and fails ("depends
 * on KEY, which failed: …") when one of them failed. Referenced keys must be enqueued before (or in the same
 * transaction as, earlier than) the write that refers to them.
 */
public enum WriteKind {
    CREATE_ISSUE(true), COMMENT(true), REPLACE_BODY_SECTION(false), CLOSE_ISSUE(false), REOPEN_ISSUE(
            false), ENSURE_MILESTONE(true), ADD_SUB_ISSUE(
                    false), ENSURE_BOARD_OPTION(
                            false), ADD_BOARD_ITEM(false), SET_BOARD_FIELD(false), SET_CHECKLIST_ITEMS(false);

    private final boolean contentCreating;

    WriteKind(boolean contentCreating) {
        this.contentCreating = contentCreating;
    }

    public boolean contentCreating() {
        return contentCreating;
    }
}
