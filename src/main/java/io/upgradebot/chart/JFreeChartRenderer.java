package io.upgradebot.chart;

import io.upgradebot.domain.Burndown;
import io.upgradebot.project.chart.ChartData;
import io.upgradebot.project.chart.ChartRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * {@link ChartRenderer} with JFreeChart: plain Java2D into an image in memory, no window system (the JVM runs with
 * {@code java.awt.headless=true}, set here too so a chart drawn before Quarkus' own settings apply cannot try to
 * reach a display).
 */
@ApplicationScoped
public class JFreeChartRenderer implements ChartRenderer {

    private static final Color OPEN = new Color(0x1f, 0x6f, 0xb5);
    private static final Color IDEAL = new Color(0x9a, 0x9a, 0x9a);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final long HALF_DAY = 12 * 3_600_000L;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public byte[] burndownPng(ChartData data) {
        return png(burndownChart(data));
    }

    @Override
    public byte[] levelsPng(ChartData data) {
        return png(levelsChart(data));
    }

    JFreeChart burndownChart(ChartData data) {
        TimeSeriesCollection actual = new TimeSeriesCollection();
        TimeSeriesCollection ideal = new TimeSeriesCollection();
        Burndown b = data.burndown();
        if (!b.empty()) {
            TimeSeries open = new TimeSeries("Open repository issues");
            b.actual().forEach(p -> open.add(day(p.day()), p.open()));
            actual.addSeries(open);
            if (!b.ideal().isEmpty()) {
                TimeSeries line = new TimeSeries("On track to " + b.ideal().get(1).day()
                        .format(DateTimeFormatter.ISO_LOCAL_DATE));
                b.ideal().forEach(p -> line.add(day(p.day()), p.open()));
                ideal.addSeries(line);
            }
        }
        DateAxis time = new DateAxis();
        time.setLowerMargin(0.02);
        time.setUpperMargin(0.02);
        if (!b.empty()) {
            // whole days from the first one to the later of today and the date, labelled as dates (a project
            // whose history is a day old would otherwise get an axis of hours)
            LocalDate first = b.actual().get(0).day();
            LocalDate last = first.plusDays(Math.max(1, b.span() - 1));
            time.setRange(day(first).getFirstMillisecond() - HALF_DAY, day(last).getLastMillisecond() + HALF_DAY);
            time.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, (int) Math.max(1, (b.span() + 7) / 8)), false,
                    true);
            time.setDateFormatOverride(new SimpleDateFormat("d MMM yyyy", Locale.ENGLISH));
        }
        NumberAxis count = new NumberAxis("Open issues");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setUpperMargin(0.1);
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, OPEN);
        steps.setSeriesStroke(0, new BasicStroke(2.5f));
        // a burndown of a day or two is a point or two: show them, a line alone would be invisible
        steps.setDefaultShapesVisible(b.actual().size() < 3);
        XYPlot plot = new XYPlot(actual, time, count, steps);
        XYLineAndShapeRenderer straight = new XYLineAndShapeRenderer(true, false);
        straight.setSeriesPaint(0, IDEAL);
        straight.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        plot.setDataset(1, ideal);
        plot.setRenderer(1, straight);
        count.setAutoRangeIncludesZero(true);
        style(plot);
        plot.setNoDataMessage(ChartRenderer.NO_HISTORY);
        plot.setNoDataMessageFont(NOTE);
        if (b.empty()) {
            // without data the axes would show a meaningless 1970 range: keep the frame, drop the ticks
            time.setTickLabelsVisible(false);
            count.setTickLabelsVisible(false);
        }
        return finish(new JFreeChart("Burndown: " + data.projectName(), TITLE, plot, !b.empty()));
    }

    JFreeChart levelsChart(ChartData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        if (!data.noLevels()) {
            data.levels().forEach(l -> dataset.addValue(l.count(), "Repositories", l.label()));
        }
        NumberAxis count = new NumberAxis("Repositories");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, OPEN);
        CategoryAxis levels = new CategoryAxis();
        levels.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(dataset, levels, count, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setNoDataMessage(ChartRenderer.NO_REPOSITORIES);
        plot.setNoDataMessageFont(NOTE);
        return finish(new JFreeChart("Owner Does levels: " + data.projectName(), TITLE, plot, false));
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Drawn opaque (a white background: no alpha channel to encode), encoded by the JDK's PNG writer. */
    private static byte[] png(JFreeChart chart) {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        }
        return out.toByteArray();
    }
}
