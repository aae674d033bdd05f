package org.supercuts.eval.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.supercuts.image.LabelMap;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Reads the human segmentations of a BSDS500 ground-truth file: a MATLAB v5 file whose variable {@code groundTruth} is a
 * 1×N cell array (one cell per annotator) of structs with a {@code Segmentation} field, an H×W uint16 label map with
 * labels from 1. Each becomes a {@link LabelMap} (labels renumbered 0..K−1 in raster order of first appearance). Read with
 * MFL (us.hebi.matlab.mat:mfl-core).
 *
 * <p>Thread safety: stateless static methods.
 */
public final class BsdsGroundTruth {
    private BsdsGroundTruth() {
    }

    /**
     * One annotator's segmentation and the boundary map stored beside it (the file's {@code Boundaries} field: 1 on the
     * human boundary pixels, the map the official boundary benchmark matches against).
     *
     * @param segmentation the labels, renumbered 0..K-1
     * @param boundaries   row-major, 1 = boundary pixel
     */
    public record Annotation(LabelMap segmentation, byte[] boundaries) {
    }

    /**
     * @throws DatasetException naming the file when it cannot be read or lacks the expected structure
     */
    public static List<LabelMap> read(Path mat) {
        List<LabelMap> out = new ArrayList<>();
        for (Annotation a : read(mat, false)) {
            out.add(a.segmentation());
        }
        return out;
    }

    /**
     * The segmentations and the boundary maps of every annotator.
     *
     * @throws DatasetException naming the file when it cannot be read, lacks the expected structure or a boundary map is
     *                          missing or of another size than its segmentation
     */
    public static List<Annotation> readWithBoundaries(Path mat) {
        return read(mat, true);
    }

    private static List<Annotation> read(Path mat, boolean boundaries) {
        try (Mat5File file = Mat5.readFromFile(mat.toFile())) {
            Cell cell;
            try {
                cell = file.getCell("groundTruth");
            } catch (RuntimeException e) {
                throw new DatasetException("BSDS ground truth " + mat + " has no cell array 'groundTruth' (" + e.getMessage() + ")", e);
            }
            int n = cell.getNumElements();
            if (n == 0) {
                throw new DatasetException("BSDS ground truth " + mat + " has an empty 'groundTruth' cell array");
            }
            List<Annotation> out = new ArrayList<>(n);
            for (int a = 0; a < n; a++) {
                Array entry = cell.get(a);
                if (!(entry instanceof Struct s) || !s.getFieldNames().contains("Segmentation")) {
                    throw new DatasetException("BSDS ground truth " + mat + ": annotator " + a + " is not a struct with a"
                            + " 'Segmentation' field");
                }
                Matrix seg = s.getMatrix("Segmentation");
                int h = seg.getNumRows();
                int w = seg.getNumCols();
                int[] labels = new int[w * h];
                for (int x = 0; x < w; x++) {
                    for (int y = 0; y < h; y++) {
                        labels[y * w + x] = seg.getInt(y, x);
                    }
                }
                byte[] bdry = null;
                if (boundaries) {
                    if (!s.getFieldNames().contains("Boundaries")) {
                        throw new DatasetException("BSDS ground truth " + mat + ": annotator " + a + " has no 'Boundaries' field");
                    }
                    Matrix b = s.getMatrix("Boundaries");
                    if (b.getNumRows() != h || b.getNumCols() != w) {
                        throw new DatasetException("BSDS ground truth " + mat + ": annotator " + a + " has boundaries of "
                                + b.getNumCols() + "x" + b.getNumRows() + " but a segmentation of " + w + "x" + h);
                    }
                    bdry = new byte[w * h];
                    for (int x = 0; x < w; x++) {
                        for (int y = 0; y < h; y++) {
                            bdry[y * w + x] = b.getInt(y, x) != 0 ? (byte) 1 : 0;
                        }
                    }
                }
                out.add(new Annotation(LabelMap.compact(w, h, labels), bdry));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw new DatasetException("BSDS ground truth " + mat + " could not be read: " + e.getMessage(), e);
        }
    }
}
