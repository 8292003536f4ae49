package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.UnreachableRepo;
import io.upgradebot.slack.ActionIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers to {@code /upgrade repos}: what changed, or the question "add the others without these?" whose button
 * carries the project and the repositories to add in its value (Slack: at most 2000 characters).
 */
public final class ScopeChangeView {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int VALUE_MAX = 2000;

    private ScopeChangeView() {
    }

    /** The confirmation request, with the button when its value fits in Slack's 2000 characters. */
    public static List<LayoutBlock> confirmAdd(String slug, List<String> reachable, List<UnreachableRepo> unreachable) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> lines = unreachable.stream()
                .map(u -> "• " + Mrkdwn.escape(u.repo()) + ": " + Mrkdwn.escape(u.why()))
                .toList();
        blocks.add(section(s -> s.text(markdownText("*" + unreachable.size() + " of the repositories cannot be used*; "
                + "nothing has been added yet:"))));
        for (String chunk : Mrkdwn.chunks(lines, Mrkdwn.SECTION_MAX, 5)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        Optional<String> value = value(slug, reachable);
        if (value.isPresent()) {
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(ActionIds.REPOS_ADD_CONFIRM.id())
                    .style("primary").value(value.get())
                    .text(plainText(Mrkdwn.truncate("Add the other " + reachable.size() + " without them",
                            Mrkdwn.BUTTON_MAX))))))));
        } else {
            blocks.add(section(s -> s.text(markdownText("Run the command again without them to add the other "
                    + reachable.size() + "."))));
        }
        return blocks;
    }

    static Optional<String> value(String slug, List<String> repos) {
        ObjectNode n = JSON.createObjectNode();
        n.put("s", slug);
        var arr = n.putArray("r");
        repos.forEach(arr::add);
        String v = n.toString();
        return v.length() <= VALUE_MAX ? Optional.of(v) : Optional.empty();
    }

    /** The button's value read back: slug and repositories. */
    public record Pending(String slug, List<String> repos) {
    }

    public static Optional<Pending> parseValue(String value) {
        try {
            var n = JSON.readTree(value);
            List<String> repos = new ArrayList<>();
            n.path("r").forEach(r -> repos.add(r.asText()));
            return n.hasNonNull("s") && !repos.isEmpty()
                    ? Optional.of(new Pending(n.get("s").asText(), repos))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** What a scope change of project {@code slug} did, or why it could not: "*slug*:" and one line each. */
    public static List<LayoutBlock> result(String slug, ChangeProjectScope.Result r) {
        List<String> lines = r.refusal() != null
                ? List.of(refusal(slug, r))
                : r.problem() != null
                        ? List.of(RepositoryProblem.mrkdwn(r.problem()))
                        : r.lines().stream().map(ScopeChangeView::line).toList();
        return lines("*" + slug + "*:", lines);
    }

    /** The status thread's reply: "<@U1> added repositories:" and one line per repository. */
    public static String threadText(ChangeProjectScope.ScopeChange change) {
        String what = switch (change.kind()) {
            case ADDED -> "added repositories";
            case REMOVED -> "removed repositories";
        };
        List<String> all = new ArrayList<>();
        all.add("<@" + change.userId() + "> " + what + ":");
        change.lines().stream().map(ScopeChangeView::line).forEach(all::add);
        return String.join("\n", all);
    }

    private static String line(ChangeProjectScope.RepoLine l) {
        return "• " + Mrkdwn.escape(l.repo()) + ": " + Mrkdwn.escape(l.outcome());
    }

    private static String refusal(String slug, ChangeProjectScope.Result r) {
        return switch (r.refusal()) {
            case NO_SUCH_PROJECT -> "There is no project `" + slug + "`: /upgrade list shows them all.";
            case PREVIEW -> "“" + r.projectName() + "” is only a preview: create it first (its "
                    + "*Create it* button), then change its repositories.";
            case CLOSED -> "“" + r.projectName() + "” is closed; its scope no longer changes.";
            case FINISHED -> FinishedProject.mrkdwn(r.projectName(), slug);
        };
    }

    public static List<LayoutBlock> lines(String heading, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(heading);
        all.addAll(lines);
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : Mrkdwn.chunks(all, Mrkdwn.SECTION_MAX, 10)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        return blocks;
    }
}
