package io.spool.bench.memes;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MemesReportTest {
    private static MemesReport.Figures f(double rate, double cpu) {
        return new MemesReport.Figures(rate, rate / 10, rate / 5, cpu);
    }

    @Test
    void mediansOfRoundsAndRatiosAgainstTheTargets() {
        MemesReport report = new MemesReport();
        for (Workload w : Workload.values()) {
            report.add(w, "spool-memes", f(300, 6));
            report.add(w, "spool-memes", f(900, 2));   // an outlier round: the median ignores it
            report.add(w, "spool-memes", f(310, 5));
            report.add(w, "sharp", f(200, 9));
            report.add(w, "sharp", f(150, 10));
            report.add(w, "sharp", f(100, 11));
            report.add(w, "pillow", f(100, 20));
        }
        MemesReport.Figures spool = report.median(Workload.PNG, "spool-memes");
        assertThat(spool.captionsPerSecond()).isEqualTo(310);
        assertThat(spool.cpuMsPerCaption()).isEqualTo(5);
        assertThat(spool.p99Ms()).isEqualTo(62);
        assertThat(report.ratio(Workload.JPEG, "sharp")).isEqualTo(310 / 150.0);
        assertThat(report.target(Workload.JPEG, "sharp")).isEqualTo("met (>= 1.5x)");
        assertThat(report.ratio(Workload.PNG, "pillow")).isEqualTo(3.1);
        assertThat(report.target(Workload.PNG, "pillow")).isEqualTo("met (>= 3x)");
        assertThat(report.target(Workload.GIF, "pillow")).as("no target for GIF").isEqualTo("-");
        assertThat(report.target(Workload.PNG, "spool-memes")).isEqualTo("-");
        assertThat(report.cpuRatio(Workload.PNG, "sharp")).as("10 ms over 5 ms").isEqualTo(2);
    }

    @Test
    void aMissedTargetSaysSo() {
        MemesReport report = new MemesReport();
        report.add(Workload.JPEG, "spool-memes", f(250, 6));
        report.add(Workload.JPEG, "pillow", f(100, 20));
        report.add(Workload.JPEG, "imagemagick", f(30, 40));
        assertThat(report.target(Workload.JPEG, "pillow")).isEqualTo("missed (>= 3x)");
        assertThat(report.target(Workload.JPEG, "imagemagick")).isEqualTo("missed (>= 10x)");
        assertThat(report.ratio(Workload.JPEG, "sharp")).as("not run").isNaN();
        assertThat(report.target(Workload.JPEG, "sharp")).isEqualTo("-");
    }

    @Test
    void withoutSpoolMemesThereAreNoRatios() {
        MemesReport report = new MemesReport();
        report.add(Workload.PNG, "sharp", f(100, 9));
        assertThat(report.ratio(Workload.PNG, "sharp")).isNaN();
        assertThat(print(report)).contains("png     sharp").doesNotContain("met", "missed");
    }

    @Test
    void printsOneRowPerFormatAndContender() {
        MemesReport report = new MemesReport();
        report.add(Workload.PNG, "spool-memes", f(450, 4.25));
        report.add(Workload.PNG, "sharp", f(150, 12.5));
        String table = print(report);
        assertThat(table).contains("format  contender    captions/s  p50 ms  p99 ms  CPU ms/caption  spool-memes x  "
                + "target         CPU x");
        assertThat(table).containsPattern("png +spool-memes +450 +45\\.0 +90\\.0 +4\\.25 +- +- +-");
        assertThat(table).containsPattern(
                "png +sharp +150 +15\\.0 +30\\.0 +12\\.5 +3\\.00x +met \\(>= 1\\.5x\\) +2\\.94x");
    }

    private static String print(MemesReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
