package io.upgradebot.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.domain.Burndown;
import io.upgradebot.project.chart.ChartData;
import io.upgradebot.project.chart.ChartRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The charts are real PNG images of the agreed size, drawn headless, and say so when there is nothing to draw. */
class JFreeChartRendererTest {

    private final JFreeChartRenderer renderer = new JFreeChartRenderer();

    @Test
    void aBurndownWithHistoryIsAPngOfTheAgreedSizeWithBothLines() throws IOException {
        List<Burndown.Change> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            changes.add(new Burndown.Change(i, Instant.parse("2026-11-01T10:00:00Z"), true));
        }
        for (int i = 0; i < 15; i++) {
            changes.add(new Burndown.Change(i, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(86_400L * i), false));
        }
        ChartData data = data(Burndown.of(changes, LocalDate.parse("2027-01-15"), LocalDate.parse("2026-12-02"),
                ZoneOffset.UTC), 40);
        byte[] bytes = renderer.burndownPng(data);
        BufferedImage png = decode(bytes);
        assertEquals(ChartRenderer.WIDTH, png.getWidth());
        assertEquals(ChartRenderer.HEIGHT, png.getHeight());
        Files.write(Path.of("target", "burndown-sample.png"), bytes); // to look at
        XYPlot plot = renderer.burndownChart(data).getXYPlot();
        assertEquals(32, plot.getDataset(0).getItemCount(0), "one point per day from 1 November to today");
        assertEquals(25.0, plot.getDataset(0).getYValue(0, 31), 0.0, "40 opened, 15 closed");
        assertEquals(2, plot.getDataset(1).getItemCount(0), "a straight line to the date");
        assertEquals(0.0, plot.getDataset(1).getYValue(0, 1), 0.0);
    }

    @Test
    void noHistoryDrawsAnEmptyChartThatSaysWhy() throws IOException {
        ChartData data = data(Burndown.of(List.of(), LocalDate.parse("2027-01-15"), LocalDate.parse("2026-12-02"),
                ZoneOffset.UTC), 0);
        BufferedImage png = decode(renderer.burndownPng(data));
        assertEquals(ChartRenderer.WIDTH, png.getWidth());
        JFreeChart chart = renderer.burndownChart(data);
        assertEquals(0, chart.getXYPlot().getDataset(0).getSeriesCount(), "nothing drawn");
        assertEquals(ChartRenderer.NO_HISTORY, chart.getXYPlot().getNoDataMessage());

        BufferedImage levels = decode(renderer.levelsPng(data));
        assertEquals(ChartRenderer.HEIGHT, levels.getHeight());
        CategoryPlot plot = renderer.levelsChart(data).getCategoryPlot();
        assertEquals(0, plot.getDataset().getRowCount());
        assertEquals(ChartRenderer.NO_REPOSITORIES, plot.getNoDataMessage());
    }

    @Test
    void theLevelsChartHasABarPerLevelInOrder() throws IOException {
        ChartData data = data(Burndown.of(List.of(), null, LocalDate.parse("2026-12-02"), ZoneOffset.UTC), 12);
        assertEquals(ChartRenderer.WIDTH, decode(renderer.levelsPng(data)).getWidth());
        CategoryPlot plot = renderer.levelsChart(data).getCategoryPlot();
        assertEquals(List.of("TBD", "Owner reviews"), plot.getDataset().getColumnKeys());
        assertEquals(9, plot.getDataset().getValue(0, 0).intValue());
    }

    private static ChartData data(Burndown b, int repos) {
        return new ChartData("django-5-2", "Django 5.2", LocalDate.parse("2027-01-15"), b,
                List.of(new ChartData.LevelCount("TBD", repos * 3 / 4), new ChartData.LevelCount("Owner reviews",
                        repos - repos * 3 / 4)));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "decodes");
        return image;
    }
}
