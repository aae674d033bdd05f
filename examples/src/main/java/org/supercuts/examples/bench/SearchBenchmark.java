package org.supercuts.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.supercuts.Pipeline;
import org.supercuts.SuperCuts;
import org.supercuts.feature.SegmentDescriptor;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.HnswSearch;
import org.supercuts.retrieval.NeighbourSearch;
import org.supercuts.retrieval.Neighbours;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;

/**
 * The retrieval benchmarks of docs/retrieval.md, a harness on one thread:
 *
 * <ul>
 * <li>{@code search N D Q}: an index of N random unit vectors of dimension D (seeded; 1000 "images" of N/1000 segments),
 * its heap size, then the exact search (one query at a time, and a batch of Q sharing each pass) and the HNSW search
 * (build time, query time, recall@10 against exact) for Q queries; {@code -DefConstruction=} and {@code -DbuildThreads=}
 * set the graph's build (default 200 and 1), {@code -Def=} its search breadth (default 100). Run with {@code -Xmx512m} and N = 1 000 000 for the
 * memory target. Times are medians of per-query wall-clock and CPU time (the CPU time is what the query costs on a loaded
 * machine).</li>
 * <li>{@code build ECSSD_ROOT N}: for the first N ECSSD images, alternately, the default pipeline alone and the segment
 * embedding that index building runs (pipeline + descriptor + saliency block), per-image milliseconds.</li>
 * </ul>
 *
 * <p>Thread safety: a program entry point.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SearchBenchmark search N D Q | build ECSSD_ROOT N");
            System.exit(2);
        }
        if (args[0].equals("build")) {
            build(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            search(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length < 5 || !args[4].equals("exact-only"));
        }
    }

    static void search(int n, int d, int queries, boolean withHnsw) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SplittableRandom rnd = new SplittableRandom(42);
        int images = 1000;
        int per = n / images;
        System.gc();
        long before = usedHeap();
        long t0 = System.nanoTime();
        SegmentIndex.Builder b = SegmentIndex.builder(d, "random").reserve(per * images);
        double[] v = new double[per * d];
        int[] seg = new int[per];
        int[] area = new int[per];
        int[] label = new int[per];
        Arrays.fill(area, 1);
        for (int im = 0; im < images; im++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextGaussian();
            }
            for (int s = 0; s < per; s++) {
                seg[s] = s;
                label[s] = rnd.nextInt(2);
            }
            b.addImage("img" + im, v, seg, label, area);
        }
        SegmentIndex index = b.build();
        double buildMs = (System.nanoTime() - t0) / 1e6;
        v = null;
        System.gc();
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "index: %d segments, d=%d, built in %.0f ms; heap in use %.1f MB (max heap %.0f MB)%n", index.size(),
                d, buildMs, (after - before) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        float[] q = new float[queries * d];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) rnd.nextGaussian();
        }
        NeighbourSearch exact = NeighbourSearch.exact(index);
        // Warm-up: six seconds of queries, so that the JIT compiles the scan and the Vector API kernel's background warm-up
        // (when the module is present) has switched it over.
        long warmUntil = System.nanoTime() + 6_000_000_000L;
        for (int i = 0; i < 5 || System.nanoTime() < warmUntil; i++) {
            exact.nearest(Arrays.copyOfRange(q, (i % queries) * d, (i % queries + 1) * d), 10);
            exact.nearest(q, Math.min(queries, 8), 10);
        }
        double[] wall = new double[queries];
        double[] cpu = new double[queries];
        Neighbours[] truth = new Neighbours[queries];
        for (int i = 0; i < queries; i++) {
            float[] one = Arrays.copyOfRange(q, i * d, (i + 1) * d);
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            truth[i] = exact.nearest(one, 10);
            wall[i] = (System.nanoTime() - w0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        System.out.printf(Locale.ROOT, "exact, one query at a time: median %.2f ms wall, %.2f ms CPU per query (k=10)%n", median(wall),
                median(cpu));
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use after the single queries (with the search's int8 copy): %.1f MB%n",
                (usedHeap() - before) / 1e6);
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        Neighbours[] batch = exact.nearest(q, queries, 10);
        System.out.printf(Locale.ROOT, "exact, batch of %d: %.2f ms wall, %.2f ms CPU per query%n", queries,
                (System.nanoTime() - w0) / 1e6 / queries, (threads.getCurrentThreadCpuTime() - c0) / 1e6 / queries);
        int same = 0;
        for (int i = 0; i < queries; i++) {
            same += Arrays.equals(batch[i].entries(), truth[i].entries()) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "exact, one at a time and batched: the same 10 neighbours in the same order for %d of %d queries%n",
                same, queries);
        if (!withHnsw) {
            return;
        }
        c0 = threads.getCurrentThreadCpuTime();
        w0 = System.nanoTime();
        HnswSearch spec = HnswSearch.defaults().efConstruction(Integer.getInteger("efConstruction", 200))
                .threads(Integer.getInteger("buildThreads", 1)).ef(Integer.getInteger("ef", 100));
        NeighbourSearch hnsw = spec.build(index);
        System.out.printf(Locale.ROOT, "%s: built in %.1f s wall on %d thread(s)%n", spec.describe(), (System.nanoTime() - w0) / 1e9,
                Integer.getInteger("buildThreads", 1));
        for (int i = 0; i < 20; i++) {
            hnsw.nearest(Arrays.copyOfRange(q, 0, d), 10);
        }
        int hits = 0;
        for (int i = 0; i < queries; i++) {
            float[] one = Arrays.copyOfRange(q, i * d, (i + 1) * d);
            long cc = threads.getCurrentThreadCpuTime();
            long ww = System.nanoTime();
            Neighbours found = hnsw.nearest(one, 10);
            wall[i] = (System.nanoTime() - ww) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cc) / 1e6;
            Set<Integer> t = new HashSet<>();
            for (int e : truth[i].entries()) {
                t.add(e);
            }
            for (int e : found.entries()) {
                hits += t.contains(e) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s: median %.3f ms wall, %.3f ms CPU per query; recall@10 against exact %.3f%n", spec.describe(),
                median(wall), median(cpu), hits / (10.0 * queries));
    }

    static void build(Path ecssd, int count) {
        Pipeline pipeline = SuperCuts.pipeline().build();
        SegmentEmbedder embedder = SegmentEmbedder.of(pipeline, SegmentDescriptor.defaults()).saliencyWeight(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<PlanarImage> images = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            images.add(PlanarImage.read(ecssd.resolve("images").resolve(String.format(Locale.ROOT, "%04d.jpg", i))));
        }
        // Warm-up on the first images.
        for (int i = 0; i < Math.min(5, count); i++) {
            pipeline.segment(images.get(i));
            embedder.embed(images.get(i));
        }
        double[] seg = new double[2];
        double[] emb = new double[2];
        for (PlanarImage img : images) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            pipeline.segment(img);
            seg[0] += (System.nanoTime() - w) / 1e6;
            seg[1] += (threads.getCurrentThreadCpuTime() - c) / 1e6;
            c = threads.getCurrentThreadCpuTime();
            w = System.nanoTime();
            embedder.embed(img);
            emb[0] += (System.nanoTime() - w) / 1e6;
            emb[1] += (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%d ECSSD images, one thread: segment %.1f ms wall / %.1f ms CPU per image; index embedding"
                + " (segment + descriptor + saliency block) %.1f ms wall / %.1f ms CPU; ratio %.3f wall, %.3f CPU%n", count, seg[0] / count,
                seg[1] / count, emb[0] / count, emb[1] / count, emb[0] / seg[0], emb[1] / seg[1]);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
