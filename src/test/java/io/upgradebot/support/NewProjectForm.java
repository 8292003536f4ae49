package io.upgradebot.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A submitted new-project form as Slack sends it (a view_submission payload with {@code state.values} keyed by
 * block_id and action_id), with sensible defaults a test overrides.
 */
public final class NewProjectForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String name = "Django 5.2";
    public String product = "django";
    public String current = "4.2";
    public String target = "5.2";
    public String roadmapRepo = "openedx/platform-roadmap";
    public String repos = "openedx/edx-platform\nopenedx/xblock-lti";
    public LocalDate date = LocalDate.now().plusDays(200);
    public String release = "Verawood";
    public String reason = "Agreed with the release managers.";
    public String team = "Axim Engineering";
    public String channel = "C0UPGRADES";
    public String docs = null;
    public boolean preview = false;
    /** block_id suffix of the date and release inputs (the form's render revision) */
    public int rev = 0;
    /** private_metadata as the bot rendered it ({"c": channel, "r": rev, "s": suggestion}) */
    public String metadata = null;
    public String viewId = "V0MODAL";
    public String user = "U0ORCH";

    public NewProjectForm name(String n) {
        name = n;
        return this;
    }

    public NewProjectForm repos(String r) {
        repos = r;
        return this;
    }

    /** The view_submission payload JSON. */
    public String payload() {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putObject("user").put("id", user).put("username", "user-" + user.toLowerCase()).put("name", "user")
                .put("team_id", "T0001");
        p.put("api_app_id", "A0UPGRADE").put("token", "legacy-verification-token")
                .put("trigger_id", "13345224609." + UUID.randomUUID().toString().substring(0, 12));
        ObjectNode view = p.putObject("view");
        view.put("id", viewId).put("team_id", "T0001").put("type", "modal").put("callback_id", "ub.new_project")
                .put("private_metadata", metadata != null ? metadata : "{\"c\":\"" + channel + "\",\"r\":" + rev + "}")
                .put("hash", "1700000000.abcdef").put("root_view_id", viewId).put("app_id", "A0UPGRADE")
                .put("bot_id", "B0BOT");
        view.putObject("title").put("type", "plain_text").put("text", "New upgrade project");
        view.putArray("blocks");
        ObjectNode values = view.putObject("state").putObject("values");
        text(values, "name", "name", name);
        text(values, "product", "product", product);
        text(values, "current", "current", current);
        text(values, "target", "target", target);
        text(values, "roadmap_repo", "roadmap_repo", roadmapRepo);
        text(values, "repos", "repos", repos);
        String suffix = rev == 0 ? "" : "." + rev;
        ObjectNode d = values.putObject("date" + suffix).putObject("date").put("type", "datepicker");
        if (date != null) {
            d.put("selected_date", date.toString());
        } else {
            d.putNull("selected_date");
        }
        text(values, "release" + suffix, "release", release);
        text(values, "date_reason", "date_reason", reason);
        text(values, "team", "team", team);
        values.putObject("channel").putObject("channel").put("type", "conversations_select")
                .put("selected_conversation", channel);
        ObjectNode docsNode = values.putObject("docs").putObject("docs").put("type", "url_text_input");
        if (docs != null) {
            docsNode.put("value", docs);
        } else {
            docsNode.putNull("value");
        }
        var options = values.putObject("options").putObject("options").put("type", "checkboxes")
                .putArray("selected_options");
        if (preview) {
            options.addObject().put("value", "preview").putObject("text").put("type", "plain_text")
                    .put("text", "Preview only");
        }
        p.putArray("response_urls");
        p.put("is_enterprise_install", false);
        return p.toString();
    }

    private static void text(ObjectNode values, String block, String action, String value) {
        ObjectNode v = values.putObject(block).putObject(action).put("type", "plain_text_input");
        if (value != null) {
            v.put("value", value);
        } else {
            v.putNull("value");
        }
    }

    /** A view_submission of the confirmation step (create without the unreachable repositories, maybe a date). */
    public static String confirmPayload(String user, long projectId, LocalDate date, String reason) {
        return confirmPayload(user, projectId, date != null, date, reason);
    }

    /** {@code asksForDate}: the view has the date input (Slack sends it in state even when left empty). */
    public static String confirmPayload(String user, long projectId, boolean asksForDate, LocalDate date,
            String reason) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putObject("user").put("id", user).put("username", "u").put("name", "u").put("team_id", "T0001");
        p.put("api_app_id", "A0UPGRADE").put("token", "legacy-verification-token")
                .put("trigger_id", "13345224609." + UUID.randomUUID().toString().substring(0, 12));
        ObjectNode view = p.putObject("view");
        view.put("id", "V0CONFIRM").put("team_id", "T0001").put("type", "modal")
                .put("callback_id", "ub.new_project_confirm").put("private_metadata", "{\"p\":" + projectId + "}")
                .put("hash", "1700000002.abcdef");
        view.putObject("title").put("type", "plain_text").put("text", "New upgrade project");
        view.putArray("blocks");
        ObjectNode values = view.putObject("state").putObject("values");
        if (asksForDate) {
            ObjectNode d = values.putObject("date").putObject("date").put("type", "datepicker");
            if (date != null) {
                d.put("selected_date", date.toString());
            } else {
                d.putNull("selected_date");
            }
            text(values, "date_reason", "date_reason", reason);
        }
        p.putArray("response_urls");
        return p.toString();
    }
}
