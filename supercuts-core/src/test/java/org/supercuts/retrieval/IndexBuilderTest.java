package org.supercuts.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.Pipeline;
import org.supercuts.SuperCuts;
import org.supercuts.feature.SegmentDescriptor;
import org.supercuts.image.PlanarImage;
import org.supercuts.superpixel.Grid;

/**
 * Building an index from folders of synthetic scenes (a red square on a blue-grey background, the square's place varying),
 * transfer back onto a new scene, and the per-image errors for missing and mis-sized masks.
 */
class IndexBuilderTest {
    @TempDir
    Path dir;

    static final int W = 64;
    static final int H = 48;

    /** The scene with the square at column {@code x0}: RGB image and its 0/255 mask. */
    static BufferedImage[] scene(int x0) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = x >= x0 && x < x0 + 24 && y >= 16 && y < 40;
                int noise = ((x * 7 + y * 13) % 5) * 3;
                img.setRGB(x, y, in ? ((200 + noise) << 16) | (30 << 8) | 40 : (60 << 16) | ((80 + noise) << 8) | 140);
                mask.getRaster().setSample(x, y, 0, in ? 255 : 0);
            }
        }
        return new BufferedImage[] {img, mask};
    }

    static void writeScenes(Path images, Path masks, int... positions) throws IOException {
        Files.createDirectories(images);
        Files.createDirectories(masks);
        for (int i = 0; i < positions.length; i++) {
            BufferedImage[] s = scene(positions[i]);
            ImageIO.write(s[0], "png", images.resolve("s" + i + ".png").toFile());
            ImageIO.write(s[1], "png", masks.resolve("s" + i + ".png").toFile());
        }
    }

    /** 8x8-pixel grid cells: the square's edges fall on cell edges, so every cell is pure. */
    static SegmentEmbedder embedder() {
        Pipeline p = SuperCuts.pipeline().superpixels(Grid.cells(48)).build();
        return SegmentEmbedder.of(p, SegmentDescriptor.defaults());
    }

    @Test
    void indexesLabelledSegmentsAndTransfersThemOntoANewScene() throws IOException {
        writeScenes(dir.resolve("images"), dir.resolve("masks"), 8, 32);
        AnnotatedFolder folder = AnnotatedFolder.open(dir.resolve("images"), dir.resolve("masks"), AnnotatedFolder.Kind.MASKS);
        IndexBuilder.Result r = IndexBuilder.build(folder, embedder(), 2, null);
        assertThat(r.errors()).isEmpty();
        SegmentIndex index = r.index();
        // 8 x 6 cells per image; 9 cells of each square.
        assertThat(index.size()).isEqualTo(96);
        assertThat(index.imageIds()).containsExactly("s0", "s1");
        int fg = 0;
        for (int i = 0; i < index.size(); i++) {
            fg += index.label(i);
        }
        assertThat(fg).isEqualTo(18);
        assertThat(index.features()).isEqualTo(embedder().describe());

        // A new scene with the square elsewhere: every cell gets the right label.
        BufferedImage[] s = scene(16);
        ImageSegments q = embedder().embed(PlanarImage.fromBufferedImage(s[0]));
        TransferResult t = LabelTransfer.nearest(3).transfer(NeighbourSearch.exact(index), embedder().describe(), q);
        int[] labels = t.labelMap();
        int wrong = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int truth = s[1].getRaster().getSample(x, y, 0) > 0 ? 1 : 0;
                wrong += labels[y * W + x] != truth ? 1 : 0;
            }
        }
        assertThat(wrong).isZero();
    }

    @Test
    void aMissingMaskAndAMaskOfAnotherSizeArePerImageErrorsNamingBothFiles() throws IOException {
        writeScenes(dir.resolve("images"), dir.resolve("masks"), 8, 32, 20);
        Files.delete(dir.resolve("masks/s1.png"));
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("masks/s2.png").toFile());
        AnnotatedFolder folder = AnnotatedFolder.open(dir.resolve("images"), dir.resolve("masks"), AnnotatedFolder.Kind.MASKS);
        IndexBuilder.Result r = IndexBuilder.build(folder, embedder(), 1, null);
        assertThat(r.index().imageIds()).containsExactly("s0");
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors().get(0)).contains(dir.resolve("images/s1.png").toString()).contains(dir.resolve("masks/s1.png").toString());
        assertThat(r.errors().get(1)).contains(dir.resolve("images/s2.png").toString()).contains(dir.resolve("masks/s2.png").toString())
                .contains("is 10x10 but image").contains("is 64x48");
    }

    @Test
    void labelMapsKeepClassIdsAndLeaveIgnoredSegmentsOut() throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        writeScenes(images, dir.resolve("unused"), 8);
        Files.createDirectories(labels);
        BufferedImage map = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // Class 3 left half, class 7 right half, the top row of cells ignored.
                map.getRaster().setSample(x, y, 0, y < 8 ? 255 : x < 32 ? 3 : 7);
            }
        }
        ImageIO.write(map, "png", labels.resolve("s0.png").toFile());
        AnnotatedFolder folder = AnnotatedFolder.open(images, labels, AnnotatedFolder.Kind.LABELS);
        SegmentIndex index = IndexBuilder.build(folder, embedder(), 1, null).index();
        assertThat(index.size()).isEqualTo(40);
        int threes = 0;
        for (int i = 0; i < index.size(); i++) {
            assertThat(index.label(i)).isIn(3, 7);
            threes += index.label(i) == 3 ? 1 : 0;
        }
        assertThat(threes).isEqualTo(20);
    }

    @Test
    void refusesMissingFolders() {
        assertThatThrownBy(() -> AnnotatedFolder.open(dir.resolve("nope"), dir, AnnotatedFolder.Kind.MASKS))
                .hasMessageContaining("images folder " + dir.resolve("nope") + " does not exist");
    }
}
