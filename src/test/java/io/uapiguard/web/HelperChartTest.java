package io.uapiguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.store.HistoryQueries.TagInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelperChartTest {

    static TagInfo tag(String name, Integer helpers, String verdict) {
        return new TagInfo(name, "c" + name, null, null, verdict, 0, 0, 0, helpers, helpers == null ? "bad" : null);
    }

    @Test
    void ticksFallOnRoundNumbersAboveTheLargestCount() {
        HelperChart chart = HelperChart.of(List.of(tag("v1", 109, null), tag("v2", 212, "breaking")));
        assertThat(chart.ticks()).extracting(HelperChart.Tick::value).containsExactly(0, 50, 100, 150, 200, 250);
        assertThat(chart.ticks().get(0).y()).isEqualTo(chart.plotBottom());
        assertThat(chart.ticks().get(5).y()).isEqualTo(chart.plotTop());
    }

    @Test
    void barsAreProportionalAndTagsThatDidNotParseLeaveAGap() {
        HelperChart chart = HelperChart.of(List.of(tag("v1", 100, null), tag("v2", null, null),
                tag("v3", 200, "compatible")));
        assertThat(chart.bars()).extracting(HelperChart.Bar::tag).containsExactly("v1", "v3");
        assertThat(chart.bars()).extracting(HelperChart.Bar::height).containsExactly(100, 200);
        assertThat(chart.bars().get(1).x() - chart.bars().get(0).x()).isEqualTo(2 * HelperChart.BAR_STEP);
        assertThat(chart.bars()).extracting(HelperChart.Bar::verdict).containsExactly("first", "compatible");
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(List.of(1, 5, 6, 10, 11, 30, 212, 999)).map(HelperChart::tickStep)
                .containsExactly(1, 1, 2, 2, 5, 10, 50, 200);
    }
}
