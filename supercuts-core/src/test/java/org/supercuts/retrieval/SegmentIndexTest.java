package org.supercuts.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's storage, normalisation, appending and its file format with the length and checksum checks. */
class SegmentIndexTest {
    @TempDir
    Path dir;

    /** {@code images} images of {@code perImage} random segments each (seeded), labels alternating 0/1. */
    static SegmentIndex random(int images, int perImage, int d, long seed, String features) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SegmentIndex.Builder b = SegmentIndex.builder(d, features);
        for (int im = 0; im < images; im++) {
            double[] v = new double[perImage * d];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextDouble(-1, 1);
            }
            int[] seg = new int[perImage];
            int[] lbl = new int[perImage];
            int[] area = new int[perImage];
            for (int s = 0; s < perImage; s++) {
                seg[s] = 10 + s;
                lbl[s] = s % 2;
                area[s] = 100 + s;
            }
            b.addImage("img" + im, v, seg, lbl, area);
        }
        return b.build();
    }

    @Test
    void storesNormalisedVectorsWithTheirMetadataAcrossTiles() {
        SegmentIndex.Builder b = SegmentIndex.builder(2, "test");
        // 300 segments: more than one tile of 256.
        double[] v = new double[600];
        int[] seg = new int[300];
        int[] area = new int[300];
        int[] lbl = new int[300];
        for (int s = 0; s < 300; s++) {
            v[2 * s] = 3 * (s + 1);
            v[2 * s + 1] = 4 * (s + 1);
            seg[s] = s;
            area[s] = s + 1;
            lbl[s] = s == 299 ? SegmentIndex.UNLABELLED : 7;
        }
        SegmentIndex index = b.addImage("a", v, seg, lbl, area).build();
        assertThat(index.size()).isEqualTo(300);
        assertThat(index.vector(299)).containsExactly(0.6f, 0.8f);
        assertThat(index.vector(0)).containsExactly(0.6f, 0.8f);
        assertThat(index.area(299)).isEqualTo(300);
        assertThat(index.imageId(257)).isEqualTo("a");
        assertThat(index.label(299)).isEqualTo(SegmentIndex.UNLABELLED);
        assertThat(index.labelledCount()).isEqualTo(299);
        assertThatThrownBy(() -> index.vector(300)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("300 segments");
    }

    @Test
    void refusesZeroVectorsRepeatedIdsAndWrongLengths() {
        SegmentIndex.Builder b = SegmentIndex.builder(2, "test");
        assertThatThrownBy(() -> b.addImage("a", new double[] {0, 0}, new int[] {4}, null, new int[] {1}))
                .hasMessageContaining("segment 4 has an all-zero vector");
        b.addImage("a", new double[] {1, 0}, new int[] {0}, null, new int[] {1});
        assertThatThrownBy(() -> b.addImage("a", new double[] {1, 0}, new int[] {0}, null, new int[] {1}))
                .hasMessageContaining("'a' is already in the index");
        assertThatThrownBy(() -> b.addImage("b", new double[] {1, 0, 1}, new int[] {0}, null, new int[] {1}))
                .hasMessageContaining("need 2 vector values");
        assertThatThrownBy(() -> SegmentIndex.builder(0, "x")).hasMessageContaining("dimension must be >= 1, got 0");
    }

    @Test
    void appendingKeepsOrderAndRefusesOtherFeatures() {
        SegmentIndex a = random(2, 5, 3, 1, "f");
        SegmentIndex b = SegmentIndex.builder(3, "f").addImage("other", new double[] {0, 0, 2}, new int[] {9}, new int[] {1},
                new int[] {5}).build();
        SegmentIndex ab = a.toBuilder().append(b).build();
        assertThat(ab.size()).isEqualTo(11);
        assertThat(ab.imageIds()).containsExactly("img0", "img1", "other");
        assertThat(ab.imageId(10)).isEqualTo("other");
        assertThat(ab.vector(10)).containsExactly(0f, 0f, 1f);
        assertThat(ab.vector(3)).containsExactly(a.vector(3));
        // The first index is unchanged by building on from it.
        assertThat(a.size()).isEqualTo(10);
        SegmentIndex other = random(1, 2, 3, 2, "g");
        assertThatThrownBy(() -> a.toBuilder().append(other)).hasMessageContaining("built with 'g'").hasMessageContaining("built with 'f'");
        assertThatThrownBy(() -> a.toBuilder().append(a)).hasMessageContaining("'img0' is in both indexes");
    }

    @Test
    void aBuilderThatGoesOnAfterBuildDoesNotChangeTheBuiltIndex() {
        SegmentIndex.Builder b = SegmentIndex.builder(1, "f").addImage("a", new double[] {1}, new int[] {0}, new int[] {0}, new int[] {1});
        SegmentIndex first = b.build();
        b.addImage("b", new double[] {-1}, new int[] {0}, new int[] {1}, new int[] {1});
        SegmentIndex second = b.build();
        assertThat(first.size()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.vector(1)).containsExactly(-1f);
        assertThat(first.imageIds()).containsExactly("a");
    }

    @Test
    void savesAndLoadsExactly() {
        SegmentIndex index = random(3, 100, 7, 5, "descriptor(x=1)");
        Path file = dir.resolve("index.scidx");
        SegmentIndexFile.save(index, file);
        SegmentIndex back = SegmentIndexFile.load(file);
        assertThat(back.size()).isEqualTo(300);
        assertThat(back.features()).isEqualTo("descriptor(x=1)");
        assertThat(back.imageIds()).isEqualTo(index.imageIds());
        for (int i = 0; i < index.size(); i++) {
            assertThat(back.vector(i)).containsExactly(index.vector(i));
            assertThat(back.label(i)).isEqualTo(index.label(i));
            assertThat(back.segmentId(i)).isEqualTo(index.segmentId(i));
            assertThat(back.area(i)).isEqualTo(index.area(i));
            assertThat(back.imageIndex(i)).isEqualTo(index.imageIndex(i));
        }
    }

    @Test
    void appendsToAFileAndCreatesItWhenMissing() {
        Path file = dir.resolve("grow.scidx");
        SegmentIndexFile.append(file, random(1, 4, 2, 1, "f"));
        SegmentIndex more = SegmentIndex.builder(2, "f").addImage("late", new double[] {1, 1}, new int[] {0}, new int[] {1},
                new int[] {3}).build();
        SegmentIndex merged = SegmentIndexFile.append(file, more);
        assertThat(merged.size()).isEqualTo(5);
        SegmentIndex back = SegmentIndexFile.load(file);
        assertThat(back.imageIds()).containsExactly("img0", "late");
        assertThat(back.vector(4)[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-7f));
    }

    @Test
    void refusesTruncatedExtendedAndDamagedFiles() throws IOException {
        Path file = dir.resolve("index.scidx");
        SegmentIndexFile.save(random(2, 50, 4, 3, "f"), file);
        byte[] bytes = Files.readAllBytes(file);

        Path truncated = dir.resolve("truncated.scidx");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> SegmentIndexFile.load(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(truncated.toString()).hasMessageContaining("it is truncated")
                .hasMessageContaining((bytes.length - 100) + " bytes");

        Path cutInHeader = dir.resolve("header.scidx");
        Files.write(cutInHeader, java.util.Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> SegmentIndexFile.load(cutInHeader)).hasMessageContaining("truncated");

        Path extended = dir.resolve("extended.scidx");
        Files.write(extended, java.util.Arrays.copyOf(bytes, bytes.length + 3));
        assertThatThrownBy(() -> SegmentIndexFile.load(extended)).hasMessageContaining("extra bytes");

        Path damaged = dir.resolve("damaged.scidx");
        Files.write(damaged, bytes);
        try (RandomAccessFile raf = new RandomAccessFile(damaged.toFile(), "rw")) {
            raf.seek(bytes.length / 2);
            int b = raf.read();
            raf.seek(bytes.length / 2);
            raf.write(b ^ 0x10);
        }
        assertThatThrownBy(() -> SegmentIndexFile.load(damaged)).hasMessageContaining("fails its checksum").hasMessageContaining(damaged.toString());

        Path notIndex = dir.resolve("other.scidx");
        Files.writeString(notIndex, "hello, this is not an index at all");
        assertThatThrownBy(() -> SegmentIndexFile.load(notIndex)).hasMessageContaining("is not a segment index file");
        assertThatThrownBy(() -> SegmentIndexFile.load(dir.resolve("missing.scidx"))).hasMessageContaining("does not exist");
        assertThat(List.of(Files.list(dir).toArray())).noneMatch(p -> p.toString().endsWith(".tmp"));
    }
}
