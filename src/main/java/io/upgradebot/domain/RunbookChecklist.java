package io.upgradebot.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook appendix "Roadmap Issue Checklist", kept as a resource ({@value #RESOURCE}) so a deployment can
 * ship its own wording. Each task line carries a stable id in a trailing comment
 * ({@code - [ ] Set an appropriate release milestone … <!-- id: set-milestone -->}); the ids are stripped when
 * rendered and used by the bot to tick the steps it performed itself.
 *
 * <p>The runbook wraps the list in a {@code ```[tasklist]} block; GitHub has retired tasklist blocks, so the
 * resource uses a plain Markdown task list, which GitHub renders with checkboxes and a progress count.
 */
public record RunbookChecklist(List<String> lines, List<Item> items) {

    public static final String RESOURCE = "runbook/roadmap-checklist.md";

    // Ids of the steps the bot can do itself; the full list is in the resource file.
    public static final String CREATE_ROADMAP_ISSUE = "create-roadmap-issue";
    public static final String ADD_CHECKLIST = "add-checklist";
    public static final String ADD_MAINTENANCE_LABEL = "add-maintenance-label";
    public static final String ADD_TO_ROADMAP_BOARD = "add-to-roadmap-board";
    public static final String SET_MILESTONE = "set-milestone";
    public static final String EXPLICIT_COMPLETION_DATE = "explicit-completion-date";
    public static final String SELECT_ORCHESTRATION_TEAM = "select-orchestration-team";
    public static final String NAME_ORCHESTRATION_TEAM = "name-orchestration-team";
    public static final String CREATE_PROJECT_FIELD_VALUE = "create-project-field-value";
    public static final String CREATE_REPO_ISSUES = "create-repo-issues";
    public static final String TASK_LIST_OF_CHILDREN = "task-list-of-children";
    public static final String LINK_DOCS_FROM_ROADMAP = "link-docs-from-roadmap";
    public static final String LINK_UPGRADE_INSTRUCTIONS = "link-upgrade-instructions";
    public static final String SEND_ANNOUNCEMENT = "send-announcement";
    public static final String MARK_ROADMAP_COMPLETE = "mark-roadmap-complete";

    private static final Pattern TASK = Pattern
            .compile("^(\\s*[-*] \\[)([ xX])(\\] )(.*?)\\s*<!-- id: ([a-z0-9-]+) -->\\s*$");

    /**
     * One checklist task.
     *
     * @param id   stable id, e.g. "set-milestone"
     * @param text the Markdown after the checkbox, as rendered
     * @param line index into {@link #lines()}
     */
    public record Item(String id, String text, int line) {
    }

    public RunbookChecklist {
        lines = List.copyOf(lines);
        items = List.copyOf(items);
    }

    /** The checklist shipped with the bot. */
    public static RunbookChecklist load() {
        try (InputStream in = RunbookChecklist.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a checklist in the resource's format: any Markdown, where task lines end in {@code <!-- id: … -->}.
     *
     * @throws IllegalArgumentException when an id is used twice
     */
    public static RunbookChecklist parse(String markdown) {
        List<String> lines = new ArrayList<>(List.of(markdown.strip().split("\\R", -1)));
        List<Item> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TASK.matcher(lines.get(i));
            if (m.matches()) {
                if (!ids.add(m.group(5))) {
                    throw new IllegalArgumentException("checklist id '" + m.group(5) + "' is used twice");
                }
                items.add(new Item(m.group(5), m.group(4), i));
            }
        }
        return new RunbookChecklist(lines, items);
    }

    public List<String> ids() {
        return items.stream().map(Item::id).toList();
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * The checklist as Markdown for the roadmap issue, with the given items ticked. Ids this checklist does not
     * have are ignored (a deployment's own checklist may leave steps out).
     */
    public String render(Set<String> tickedItemIds) {
        List<String> out = new ArrayList<>(lines);
        for (Item item : items) {
            Matcher m = TASK.matcher(lines.get(item.line()));
            if (m.matches()) {
                boolean ticked = tickedItemIds.contains(item.id()) || !m.group(2).equals(" ");
                out.set(item.line(), m.group(1) + (ticked ? "x" : " ") + m.group(3) + m.group(4));
            }
        }
        return String.join("\n", out);
    }

    /**
     * Ticks the given items in a live issue body, found by their text; every other character of the body stays as
     * it is (people tick and edit the checklist too). An item whose line a person reworded is left alone.
     */
    public String tick(String body, Set<String> itemIds) {
        String result = body == null ? "" : body;
        for (String id : itemIds) {
            Optional<Item> item = item(id);
            if (item.isEmpty()) {
                continue;
            }
            Pattern line = Pattern.compile("(?m)^(\\s*[-*] \\[) (\\] " + Pattern.quote(item.get().text()) + "\\s*)$");
            result = line.matcher(result).replaceFirst(mr -> Matcher.quoteReplacement(mr.group(1) + "x" + mr.group(2)));
        }
        return result;
    }

    /**
     * Unticks the given items in a live issue body, found by their text, as {@link #tick} does: only those checkbox
     * characters change, and a line a person reworded is left alone.
     */
    public String untick(String body, Set<String> itemIds) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        for (String id : itemIds) {
            item(id).ifPresent(i -> wanted.put(i.text(), false));
        }
        return ChecklistLines.set(body, wanted).body();
    }

    /** Ids of the items whose line is in a live issue body, ticked or not (a reworded line is not). */
    public Set<String> presentIn(String body) {
        Set<String> present = new LinkedHashSet<>();
        for (Item item : items) {
            if (ChecklistLines.state(body, item.text()).isPresent()) {
                present.add(item.id());
            }
        }
        return present;
    }

    /** Ids ticked ({@code [x]}) in a live issue body. */
    public Set<String> tickedIn(String body) {
        Set<String> ticked = new LinkedHashSet<>();
        for (Item item : items) {
            Pattern line = Pattern.compile("(?m)^\\s*[-*] \\[[xX]\\] " + Pattern.quote(item.text()) + "\\s*$");
            if (line.matcher(body == null ? "" : body).find()) {
                ticked.add(item.id());
            }
        }
        return ticked;
    }
}
