package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.domain.ProjectState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code /upgrade list}: the workspace's projects, newest first, one line each, packed to stay within Slack's limits. */
public final class ProjectListView {

    private ProjectListView() {
    }

    /** One project as the list shows it. */
    public record Row(String slug, String name, ProjectState state, LocalDate completionDate, String release,
            int repositories,
            int tbd, String roadmapIssueUrl, String channelId) {
    }

    public static List<LayoutBlock> blocks(List<Row> rows) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (rows.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No upgrade projects yet. `/upgrade new` starts one."))));
            return blocks;
        }
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            StringBuilder b = new StringBuilder("• *").append(r.roadmapIssueUrl() == null
                    ? Mrkdwn.escape(r.name())
                    : Mrkdwn.link(r.roadmapIssueUrl(), r.name())).append("* `").append(r.slug()).append("` · ")
                    .append(state(r.state()));
            if (r.completionDate() != null) {
                b.append(" · due ").append(r.completionDate());
            }
            if (r.release() != null) {
                b.append(" (").append(Mrkdwn.escape(r.release())).append(')');
            }
            b.append(" · ").append(r.repositories()).append(" repositories, ").append(r.tbd()).append(" TBD");
            if (r.channelId() != null) {
                b.append(" · <#").append(r.channelId()).append('>');
            }
            lines.add(b.toString());
        }
        for (String chunk : Mrkdwn.chunks(lines, Mrkdwn.SECTION_MAX, 10)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("`/upgrade status <project>` for one of them")))));
        return blocks;
    }

    static String state(ProjectState state) {
        return switch (state) {
            case CREATING -> ":hourglass_flowing_sand: being created";
            case ACTIVE -> ":large_green_circle: active";
            case CLOSED -> ":white_check_mark: closed";
            case FINISHED -> ":checkered_flag: finished";
            default -> ":eyes: preview";
        };
    }
}
