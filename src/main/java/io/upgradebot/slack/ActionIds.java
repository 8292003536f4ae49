package io.upgradebot.slack;

/**
 * Every block action id the bot renders, in one place. The Slack action_id is {@code "ub." + name().toLowerCase()},
 * optionally followed by {@code ":" + suffix} (e.g. a repository id) so many buttons of one kind can share a handler.
 *
 * <p>Each kind declares what its button carries ({@link Value}): the one place that checks a click before its handler
 * runs (InteractionGuard) parses it and looks the id up, so a stale or forged button is answered as such.
 */
public enum ActionIds {
    // --- Owner Does choices ---
    /** "Choose for my repositories" on the announcement; value = project id. */
    OWNER_DOES_OPEN(Value.PROJECT),
    /** A repository's level select in the choices modal; suffix = project_repo id, selected value = level key. */
    OWNER_DOES_PICK(Value.SUFFIX_ID),
    /** Previous / next page of the choices modal; value = page number. */
    OWNER_DOES_PAGE(Value.NUMBER),
    /** The search box of the choices modal (Enter dispatches). */
    OWNER_DOES_SEARCH(Value.NONE),

    // --- /upgrade new and scope changes ---
    /** "Suggest a date" button inside the new-project modal. */
    NEW_PROJECT_SUGGEST_DATE(Value.NONE),
    /** "Create it" on a preview message: turns the preview into the real project. */
    PREVIEW_CREATE(Value.PROJECT),
    /** "Add the others" after {@code /upgrade repos … add} named repositories that cannot be reached. */
    REPOS_ADD_CONFIRM(Value.NONE),
    /** "Retry the failed writes" on a project's end-of-creation summary. */
    PROJECT_RETRY_FAILED(Value.PROJECT),
    /** "Chart" on a project's status: posts its burndown and Owner Does levels charts in the status thread. */
    PROJECT_CHART(Value.PROJECT),

    // --- scheduled announcements and reminders ---
    /** "Send now" on a line of /upgrade schedule; value = message id + ":" + render token. */
    SCHEDULE_SEND_NOW(Value.SCHEDULED_MESSAGE),
    /** "Edit" on a line of /upgrade schedule; value = message id. Opens the announcement modal filled in. */
    SCHEDULE_EDIT(Value.SCHEDULED_MESSAGE),
    /** "Cancel" on a line of /upgrade schedule (with a confirmation dialog); value = message id. */
    SCHEDULE_CANCEL(Value.SCHEDULED_MESSAGE),
    // --- runbook checklist ---
    /** Tick / Untick of one item in the checklist modal; suffix = item id, value = "tick" or "untick". */
    CHECKLIST_TOGGLE(Value.NONE),

    // --- upgrade radar ---
    /** "Start a project" on the radar post; value = the new-project form's initial values (JSON, RadarView). */
    RADAR_NEW_PROJECT(Value.NONE),

    /** A link button (roadmap issue, instructions): Slack still sends block_actions, which only need an ack. */
    OPEN_LINK(Value.NONE),

    // --- the App Home tab (its level selects are OWNER_DOES_PICK, so choices there follow the same rules) ---
    /** Previous / next page of the Home tab's pending repositories; value = page number. */
    HOME_PAGE(Value.NUMBER),
    /** "Status" on a project the orchestrator runs, on Home: the /upgrade status view in a modal; value = project id. */
    HOME_STATUS(Value.PROJECT),
    /** "Ask owners" on Home: what /upgrade ask does; value = project id. */
    HOME_ASK(Value.PROJECT);

    public static final String PREFIX = "ub.";

    /** What a button of this kind carries in its value (or action_id suffix). */
    public enum Value {
        /** Nothing the bot reads (or the handler reads and checks it itself). */
        NONE,
        /** A number (a page). */
        NUMBER,
        /** An upgrade project's id, which must exist. */
        PROJECT,
        /** A scheduled message's id, optionally followed by {@code ":" + token}; the message must exist. */
        SCHEDULED_MESSAGE,
        /** A numeric id after ':' in the action_id. */
        SUFFIX_ID
    }

    private final Value value;

    ActionIds(Value value) {
        this.value = value;
    }

    public Value value() {
        return value;
    }

    /** The kind whose pattern {@code actionId} matches, or null for an action id the bot never renders. */
    public static ActionIds kindOf(String actionId) {
        if (actionId == null || !actionId.startsWith(PREFIX)) {
            return null;
        }
        int colon = actionId.indexOf(':');
        String base = colon < 0 ? actionId : actionId.substring(0, colon);
        for (ActionIds a : values()) {
            if (a.id().equals(base)) {
                return a;
            }
        }
        return null;
    }

    public String id() {
        return PREFIX + name().toLowerCase();
    }

    public String id(String suffix) {
        return id() + ":" + suffix;
    }

    /** Regex Bolt matches against action_id. */
    public String pattern() {
        return "^" + java.util.regex.Pattern.quote(id()) + "(:.*)?$";
    }

    /** The suffix after ':' of an action_id of this kind, or null. */
    public static String suffixOf(String actionId) {
        int i = actionId == null ? -1 : actionId.indexOf(':');
        return i < 0 ? null : actionId.substring(i + 1);
    }
}
