package io.upgradebot.project.chart;

/**
 * Draws a project's charts as PNG images (port owned by project/, implemented in chart/). Pure drawing: no I/O
 * besides the bytes it answers, safe to call from any thread. Data without points is drawn as an empty chart that
 * says why ({@link #NO_HISTORY}, {@link #NO_REPOSITORIES}), never refused.
 */
public interface ChartRenderer {

    /** Every chart's size in pixels: readable inline in Slack and on the status page. */
    int WIDTH = 800;
    int HEIGHT = 450;

    String NO_HISTORY = "No history yet: the burndown starts when the first repository issue is opened.";
    String NO_REPOSITORIES = "No repositories in scope yet.";

    /** Open repository issues per day against the straight line to the completion date. */
    byte[] burndownPng(ChartData data);

    /** How many repositories are at each Owner Does level. */
    byte[] levelsPng(ChartData data);
}
