package io.upgradebot.slack;

/**
 * Every block action id the bot renders, in one place. The Slack action_id is {@code "ub." + name().toLowerCase()},
 * optionally followed by {@code ":" + suffix} (e.g. a repository id) so many buttons of one kind can share a handler.
 */
public enum ActionIds {
    /** placeholder until features add theirs */
    NOOP,

    // --- Owner Does choices (issue 4) ---
    /** "Choose for my repositories" on the announcement; value = project id. */
    OWNER_DOES_OPEN,
    /** A repository's level select in the choices modal; suffix = project_repo id, selected value = level key. */
    OWNER_DOES_PICK,
    /** Previous / next page of the choices modal; value = page number. */
    OWNER_DOES_PAGE,
    /** The search box of the choices modal (Enter dispatches). */
    OWNER_DOES_SEARCH,

    // --- /upgrade new and scope changes (issue 3) ---
    /** "Suggest a date" button inside the new-project modal. */
    NEW_PROJECT_SUGGEST_DATE,
    /** "Create it" on a preview message: turns the preview into the real project. */
    PREVIEW_CREATE,
    /** "Add the others" after {@code /upgrade repos … add} named repositories that cannot be reached. */
    REPOS_ADD_CONFIRM,
    /** "Retry the failed writes" on a project's end-of-creation summary. */
    PROJECT_RETRY_FAILED;

    public static final String PREFIX = "ub.";

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
