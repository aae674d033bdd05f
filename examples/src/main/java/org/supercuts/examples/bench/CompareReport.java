package org.supercuts.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Collects the rows of {@code bench compare}, derives the ratios (ours / theirs time) and the agreement checks, and
 * writes the console table, {@code compare.json}, {@code compare.md} and the plots.
 *
 * <p>Thread safety: not thread-safe; one command run fills one report.
 */
final class CompareReport {
    /** Ours against the float64 evaluation of the formulas (float32 output and summed-area rounding). */
    static final double GUIDED_REFERENCE_TOLERANCE = 1e-4;
    /** Ours against OpenCV with a grey guide, in the interior (OpenCV computes in float32). */
    static final double GUIDED_OPENCV_TOLERANCE = 2e-3;

    private final JsonNode pythonVersions;
    private final int allThreads;
    private final int repeats;
    private final int warmup;
    private final int javaWarmup;
    private final long javaWarmupMillis;
    private final List<CompareRows.Slic> slic = new ArrayList<>();
    private final List<CompareRows.Guided> guided = new ArrayList<>();
    private final List<CompareRows.Eigen> eigen = new ArrayList<>();
    private final List<CompareRows.Check> checks = new ArrayList<>();
    private final List<CompareRows.Cli> cli = new ArrayList<>();

    CompareReport(JsonNode pythonVersions, int allThreads, int repeats, int warmup, int javaWarmup, long javaWarmupMillis) {
        this.javaWarmupMillis = javaWarmupMillis;
        this.pythonVersions = pythonVersions;
        this.allThreads = allThreads;
        this.repeats = repeats;
        this.warmup = warmup;
        this.javaWarmup = javaWarmup;
    }

    void slic(CompareRows.Slic row) {
        slic.add(row);
    }

    void guided(CompareRows.Guided row) {
        guided.add(row);
        checks.add(new CompareRows.Check("guided " + row.size() + " " + row.guide() + ": ours vs float64 reference max|diff| <= "
                + GUIDED_REFERENCE_TOLERANCE, row.oursVsReference() <= GUIDED_REFERENCE_TOLERANCE,
                fmt("%.2e over the whole image", row.oursVsReference())));
        if (row.guide().equals("grey")) {
            checks.add(new CompareRows.Check("guided " + row.size() + " grey: ours vs OpenCV interior max|diff| <= "
                    + GUIDED_OPENCV_TOLERANCE, row.maxAbsDiffInterior() <= GUIDED_OPENCV_TOLERANCE,
                    fmt("%.2e (whole image %.2e; OpenCV vs reference %.2e)", row.maxAbsDiffInterior(), row.maxAbsDiff(),
                            row.opencvVsReferenceInterior())));
        }
    }

    void eigen(CompareRows.Eigen row) {
        eigen.add(row);
        checks.add(new CompareRows.Check("eigen n=" + row.n() + " " + row.ours() + " vs " + row.anchor(),
                row.maxEigenvalueDiff() <= CompareCommand.EIGENVALUE_TOLERANCE
                        && row.maxVectorDiff() <= CompareCommand.EIGENVECTOR_TOLERANCE,
                fmt("max|dlambda| %.1e (<= %.0e), max|du| up to sign %.1e (<= %.0e)", row.maxEigenvalueDiff(),
                        CompareCommand.EIGENVALUE_TOLERANCE, row.maxVectorDiff(), CompareCommand.EIGENVECTOR_TOLERANCE)));
    }

    void cli(CompareRows.Cli row) {
        cli.add(row);
    }

    boolean allChecksPass() {
        return checks.stream().allMatch(CompareRows.Check::pass);
    }

    private void slicChecks() {
        for (CompareRows.Slic ours : slic) {
            if (!ours.tool().equals("ours-1t")) {
                continue;
            }
            for (CompareRows.Slic other : slic) {
                if (!other.size().equals(ours.size()) || other.k() != ours.k() || other.tool().startsWith("ours")) {
                    continue;
                }
                String name = "SLIC " + ours.size() + " K=" + ours.k() + " vs " + other.tool();
                double factor = Math.max(ours.count() / other.count(), other.count() / ours.count());
                checks.add(new CompareRows.Check(name + ": counts within " + CompareCommand.COUNT_FACTOR + "x",
                        factor <= CompareCommand.COUNT_FACTOR, fmt("%.0f vs %.0f", ours.count(), other.count())));
                if (!Double.isNaN(ours.br())) {
                    checks.add(new CompareRows.Check(name + ": |dBR|, |dUE| <= " + CompareCommand.METRIC_TOLERANCE,
                            Math.abs(ours.br() - other.br()) <= CompareCommand.METRIC_TOLERANCE
                                    && Math.abs(ours.ue() - other.ue()) <= CompareCommand.METRIC_TOLERANCE,
                            fmt("BR %.3f vs %.3f, UE %.3f vs %.3f", ours.br(), other.br(), ours.ue(), other.ue())));
                    checks.add(new CompareRows.Check(name + ": ours no worse (BR >= theirs - " + CompareCommand.METRIC_TOLERANCE
                            + ", UE <= theirs + " + CompareCommand.METRIC_TOLERANCE + ")",
                            ours.br() >= other.br() - CompareCommand.METRIC_TOLERANCE
                                    && ours.ue() <= other.ue() + CompareCommand.METRIC_TOLERANCE,
                            fmt("BR %+.3f, UE %+.3f", ours.br() - other.br(), ours.ue() - other.ue())));
                }
            }
        }
    }

    private double slicTime(String size, int k, String tool) {
        return slic.stream().filter(r -> r.size().equals(size) && r.k() == k && r.tool().equals(tool))
                .mapToDouble(CompareRows.Slic::timeMs).findFirst().orElse(Double.NaN);
    }

    void write(Path out, PrintStream log) throws IOException {
        slicChecks();
        Files.createDirectories(out);
        String md = markdown();
        log.println();
        log.println(md);
        Files.writeString(out.resolve("compare.md"), md);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", java.time.LocalDate.now().toString());
        doc.put("machine", machine());
        doc.put("python", pythonVersions);
        doc.put("timing", Map.of("python_warmup", warmup, "java_warmup", javaWarmup, "java_warmup_ms", javaWarmupMillis,
                "repeats", repeats,
                "statistic", "median of repeats; SLIC rows average the per-image medians"));
        doc.put("slic", slic);
        doc.put("slic_ratios", slicRatios());
        doc.put("guided", guided);
        doc.put("eigen", eigen);
        doc.put("cli", cli);
        doc.put("targets", targets());
        doc.put("checks", checks);
        doc.put("all_checks_pass", allChecksPass());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("compare.json").toFile(), doc);
        plots(out);
        log.println("Wrote " + out.resolve("compare.json") + ", " + out.resolve("compare.md") + " and plots");
    }

    private List<Map<String, Object>> slicRatios() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CompareRows.Slic r : slic) {
            if (!r.tool().equals("ours-1t")) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", r.size());
            m.put("k", r.k());
            for (String anchor : List.of("skimage", "opencv")) {
                m.put("ours_1t_over_" + anchor, r.timeMs() / slicTime(r.size(), r.k(), anchor));
                m.put("ours_" + allThreads + "t_over_" + anchor,
                        slicTime(r.size(), r.k(), "ours-" + allThreads + "t") / slicTime(r.size(), r.k(), anchor));
            }
            rows.add(m);
        }
        return rows;
    }

    /** The speed targets of issue 14 that this run measured, each with its value and whether it was met. */
    private List<Map<String, Object>> targets() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> m : slicRatios()) {
            double sk = (Double) m.get("ours_1t_over_skimage");
            double cv = (Double) m.get("ours_1t_over_opencv");
            target(rows, "SLIC " + m.get("size") + " K=" + m.get("k") + ": <= 0.5 x OpenCV and <= 0.2 x scikit-image (1 thread)",
                    fmt("%.2f x OpenCV, %.2f x scikit-image", cv, sk), cv <= 0.5 && sk <= 0.2);
        }
        for (CompareRows.Guided g : guided) {
            double ratio = g.oursMs() / g.opencvMs();
            target(rows, "guided filter " + g.size() + " " + g.guide() + ": <= 1.2 x OpenCV", fmt("%.2f x", ratio), ratio <= 1.2);
        }
        for (CompareRows.Eigen e : eigen) {
            double ratio = e.oursMs() / e.anchorMs();
            if (e.ours().startsWith("ours-auto") && e.anchor().equals("scipy-eigh") && e.n() <= 1000) {
                target(rows, "eigen k=4, " + e.n() + " nodes, automatic routing: <= 1.5 x SciPy eigh",
                        fmt("%.2f x (%s)", ratio, e.ours()), ratio <= 1.5);
            }
            if (e.ours().equals("ours-lanczos") && e.anchor().equals("scipy-eigsh") && e.n() == 3600) {
                target(rows, "eigen k=4, 3600-node patch graph: <= 0.5 x SciPy eigsh", fmt("%.2f x", ratio), ratio <= 0.5);
            }
        }
        for (CompareRows.Cli c : cli) {
            switch (c.run()) {
                case "batch" -> target(rows, c.images() + "-image CLI batch, 1 thread, JVM start included: less per image than"
                        + " scikit-image slic alone", fmt("%.1f vs %.1f ms per image", c.perImageMs(), c.anchorPerImageMs()),
                        c.perImageMs() < c.anchorPerImageMs());
                case "one image" -> target(rows, "one image through segment: under 1 s wall", fmt("%.0f ms", c.wallMs()),
                        c.wallMs() < 1000);
                case "photo" -> target(rows, c.input() + " photo through segment (" + c.threads() + " threads): <= 6 s wall and"
                        + " <= 1.2 GB peak", fmt("%.1f s, %.0f MiB", c.wallMs() / 1000, c.peakMb()),
                        c.wallMs() <= 6000 && !(c.peakMb() > 1.2 * 1024));
                default -> { }
            }
        }
        return rows;
    }

    private static void target(List<Map<String, Object>> rows, String target, String measured, boolean met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("measured", measured);
        m.put("met", met);
        rows.add(m);
    }

    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String cpu = "unknown";
        String family = "";
        String model = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                String value = line.substring(line.indexOf(':') + 1).trim();
                if (line.startsWith("model name") && cpu.equals("unknown")) {
                    cpu = value;
                } else if (line.startsWith("cpu family") && family.isEmpty()) {
                    family = value;
                } else if (line.startsWith("model\t") && model.isEmpty()) {
                    model = value;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = "unknown (" + e.getMessage() + ")";
        }
        if (!family.isEmpty()) {
            cpu += " (family " + family + " model " + model + ")";
        }
        m.put("cpu", cpu);
        m.put("slic_kernel", org.supercuts.superpixel.Slic.activeKernel());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        try {
            // Other work on the machine slows every tool alike but makes the absolute times noisy; recorded beside them.
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            m.put("load_average", load[0] + " " + load[1] + " " + load[2] + " (1, 5, 15 min, when the report was written)");
        } catch (IOException | RuntimeException e) {
            m.put("load_average", "unknown");
        }
        return m;
    }

    private String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# bench compare, ").append(java.time.LocalDate.now()).append("\n\n");
        machine().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        sb.append("- python: ").append(pythonVersions).append('\n');
        sb.append(fmt("- timing: median of %d runs after %d (Python) / at least %d and %d ms (Java) warm-up runs;"
                + " Python single-threaded%n%n", repeats, warmup, javaWarmup, javaWarmupMillis));
        if (!slic.isEmpty()) {
            sb.append("## SLIC (m = 10, 10 iterations; time = mean over images of the median, ms)\n\n");
            sb.append("| size | K | tool | threads | time ms | superpixels | BR | UE |\n|---|---|---|---|---|---|---|---|\n");
            for (CompareRows.Slic r : slic) {
                sb.append(fmt("| %s | %d | %s | %d | %.1f | %.0f | %.3f | %.3f |%n", r.size(), r.k(), r.tool(), r.threads(),
                        r.timeMs(), r.count(), r.br(), r.ue()));
            }
            sb.append("\n| size | K | ours-1t / skimage | ours-1t / opencv | ours-").append(allThreads)
                    .append("t / skimage | ours-").append(allThreads).append("t / opencv |\n|---|---|---|---|---|---|\n");
            for (Map<String, Object> m : slicRatios()) {
                sb.append(fmt("| %s | %s | %.3f | %.3f | %.3f | %.3f |%n", m.get("size"), m.get("k"),
                        m.get("ours_1t_over_skimage"), m.get("ours_1t_over_opencv"),
                        m.get("ours_" + allThreads + "t_over_skimage"), m.get("ours_" + allThreads + "t_over_opencv")));
            }
            sb.append('\n');
        }
        if (!guided.isEmpty()) {
            sb.append("## Guided filter (r = 9, eps = 1e-3; both single-threaded)\n\n");
            sb.append("| size | guide | ours ms | OpenCV ms | ours / OpenCV | max abs diff vs OpenCV | interior |"
                    + " ours vs f64 reference | OpenCV vs reference (interior) |\n").append("|---|---|---|---|---|---|---|---|---|\n");
            for (CompareRows.Guided r : guided) {
                sb.append(fmt("| %s | %s | %.2f | %.2f | %.2f | %.2e | %.2e | %.2e | %.2e |%n", r.size(), r.guide(), r.oursMs(),
                        r.opencvMs(), r.oursMs() / r.opencvMs(), r.maxAbsDiff(), r.maxAbsDiffInterior(), r.oursVsReference(),
                        r.opencvVsReferenceInterior()));
            }
            sb.append('\n');
        }
        if (!eigen.isEmpty()) {
            sb.append("## Generalized eigenproblem (D - W) x = lambda D x, k = 4, dense clipped-cosine patch graphs\n\n");
            sb.append("| nodes | ours | ours ms | anchor | anchor ms | ours / anchor | max abs dlambda | max abs du |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (CompareRows.Eigen r : eigen) {
                sb.append(fmt("| %d | %s | %.2f | %s | %.2f | %.4f | %.1e | %.1e |%n", r.n(), r.ours(), r.oursMs(), r.anchor(),
                        r.anchorMs(), r.oursMs() / r.anchorMs(), r.maxEigenvalueDiff(), r.maxVectorDiff()));
            }
            sb.append('\n');
        }
        if (!cli.isEmpty()) {
            sb.append("## Whole command line (timed from outside: JVM start, decoding and PNG writing included)\n\n");
            sb.append("| run | input | images | threads | wall ms | per image ms | peak MiB | anchor | anchor per image ms |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (CompareRows.Cli r : cli) {
                sb.append(fmt("| %s | %s | %d | %d | %.0f | %.1f | %.0f | %s | %.1f |%n", r.run(), r.input(), r.images(),
                        r.threads(), r.wallMs(), r.perImageMs(), r.peakMb(), r.anchor(), r.anchorPerImageMs()));
            }
            sb.append('\n');
        }
        List<Map<String, Object>> targets = targets();
        if (!targets.isEmpty()) {
            sb.append("## Targets (issue 14; ratios from this run)\n\n| target | measured | verdict |\n|---|---|---|\n");
            for (Map<String, Object> t : targets) {
                sb.append("| ").append(t.get("target")).append(" | ").append(t.get("measured")).append(" | ")
                        .append(Boolean.TRUE.equals(t.get("met")) ? "met" : "**missed**").append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Agreement checks\n\n| check | pass | detail |\n|---|---|---|\n");
        for (CompareRows.Check c : checks) {
            sb.append("| ").append(c.name()).append(" | ").append(c.pass() ? "yes" : "**NO**").append(" | ").append(c.detail())
                    .append(" |\n");
        }
        return sb.toString();
    }

    private void plots(Path out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (!slic.isEmpty()) {
            String firstSize = slic.get(0).size();
            XYChart byK = chart("SLIC time vs K at " + firstSize + " (m = 10, 10 iterations)", "K", "time (ms)");
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (CompareRows.Slic r : slic) {
                if (r.size().equals(firstSize)) {
                    series.computeIfAbsent(r.tool(), t -> new TreeMap<>()).put((double) r.k(), r.timeMs());
                }
            }
            addAll(byK, series);
            BitmapEncoder.saveBitmap(byK, out.resolve("compare_slic_vs_k").toString(), BitmapEncoder.BitmapFormat.PNG);

            int midK = slic.stream().mapToInt(CompareRows.Slic::k).sorted().distinct().skip(1).findFirst()
                    .orElse(slic.get(0).k());
            XYChart bySize = chart("SLIC time vs image size at K = " + midK, "megapixels", "time (ms)");
            series.clear();
            for (CompareRows.Slic r : slic) {
                if (r.k() == midK) {
                    String[] wh = r.size().split("x");
                    double mp = Integer.parseInt(wh[0]) * (double) Integer.parseInt(wh[1]) / 1e6;
                    series.computeIfAbsent(r.tool(), t -> new TreeMap<>()).put(mp, r.timeMs());
                }
            }
            addAll(bySize, series);
            BitmapEncoder.saveBitmap(bySize, out.resolve("compare_slic_vs_size").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
        if (!eigen.isEmpty()) {
            XYChart byN = chart("Generalized eigensolve (k = 4) vs graph size", "nodes", "time (ms)");
            byN.getStyler().setXAxisLogarithmic(true);
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (CompareRows.Eigen r : eigen) {
                String ours = r.ours().startsWith("ours-auto") ? "ours (automatic routing)" : r.ours().startsWith("ours-dense")
                        ? "ours (dense kernel)" : "ours (Lanczos)";
                series.computeIfAbsent(ours, t -> new TreeMap<>()).put((double) r.n(), r.oursMs());
                series.computeIfAbsent(r.anchor(), t -> new TreeMap<>()).put((double) r.n(), r.anchorMs());
            }
            addAll(byN, series);
            BitmapEncoder.saveBitmap(byN, out.resolve("compare_eigen_vs_n").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return c;
    }

    private static void addAll(XYChart chart, Map<String, TreeMap<Double, Double>> series) {
        for (Map.Entry<String, TreeMap<Double, Double>> e : series.entrySet()) {
            chart.addSeries(e.getKey(), new ArrayList<>(e.getValue().keySet()), new ArrayList<>(e.getValue().values()))
                    .setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
