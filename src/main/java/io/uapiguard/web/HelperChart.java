package io.uapiguard.web;

import io.uapiguard.store.HistoryQueries.TagInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the "helpers per tag" bar chart, computed here so the template only places SVG elements.
 * Tags whose header did not parse get no bar.
 */
record HelperChart(int width, int height, int plotTop, int plotBottom, int plotLeft, List<Bar> bars, List<Tick> ticks) {

    record Bar(String tag, int count, int x, int y, int width, int height, int labelX, int labelY, String verdict) {
    }

    record Tick(int value, int y) {
    }

    static final int BAR_STEP = 18;
    static final int PLOT_TOP = 10;
    static final int PLOT_HEIGHT = 200;
    static final int PLOT_LEFT = 40;
    static final int LABEL_SPACE = 70;

    static HelperChart of(List<TagInfo> tags) {
        int max = tags.stream().map(TagInfo::helperCount).filter(c -> c != null).mapToInt(Integer::intValue)
                .max().orElse(0);
        int step = tickStep(Math.max(max, 1));
        int scaleMax = ((Math.max(max, 1) + step - 1) / step) * step;
        int bottom = PLOT_TOP + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        int x = PLOT_LEFT + 4;
        for (TagInfo tag : tags) {
            if (tag.helperCount() != null) {
                int h = (int) Math.round((double) tag.helperCount() * PLOT_HEIGHT / scaleMax);
                String verdict = tag.verdict() != null ? tag.verdict() : tag.previousTag() == null ? "first" : "unjudged";
                bars.add(new Bar(tag.name(), tag.helperCount(), x, bottom - h, BAR_STEP - 4, h,
                        x + (BAR_STEP - 4) / 2, bottom + 8, verdict));
            }
            x += BAR_STEP;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value = 0; value <= scaleMax; value += step) {
            ticks.add(new Tick(value, bottom - (int) Math.round((double) value * PLOT_HEIGHT / scaleMax)));
        }
        int width = Math.max(x + 10, 200);
        return new HelperChart(width, bottom + LABEL_SPACE, PLOT_TOP, bottom, PLOT_LEFT, List.copyOf(bars),
                List.copyOf(ticks));
    }

    /** A round step (1, 2 or 5 times a power of ten) giving at most six ticks, so labels are round numbers. */
    static int tickStep(int max) {
        for (int power = 1; ; power *= 10) {
            for (int factor : new int[] {1, 2, 5}) {
                if (max <= factor * power * 5) {
                    return factor * power;
                }
            }
        }
    }
}
