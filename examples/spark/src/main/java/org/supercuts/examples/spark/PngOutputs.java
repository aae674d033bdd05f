package org.supercuts.examples.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.SafeFiles;

/**
 * Where the job writes the pictures of {@code segment} ({@code PREFIX-mask.png}, {@code -soft}, {@code -overlay},
 * {@code -levels}): under the output folder, at the image's path relative to the input folder without its extension
 * (so {@code IN/a/0001.jpg} gives {@code OUT/a/0001-mask.png}, mirroring the input tree). When two inputs of the
 * listing share that prefix ({@code x.jpg} and {@code x.png}), both keep their extension ({@code x.jpg-mask.png},
 * {@code x.png-mask.png}), so that no picture overwrites another. Any Hadoop file system works (local, HDFS, S3A);
 * each file is written under a hidden temporary name and renamed into place.
 *
 * <p>Thread safety: immutable; {@link #write} may be called from many tasks at once for different images.
 */
final class PngOutputs implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String inputRoot;
    private final String outputRoot;
    private final Set<String> sharedPrefixes;

    /**
     * @param inputRoot the qualified input folder (as the {@code path} column spells it)
     * @param outputRoot the qualified output folder
     * @param sharedPrefixes relative prefixes (without extension) that more than one listed input has
     */
    PngOutputs(String inputRoot, String outputRoot, Set<String> sharedPrefixes) {
        this.inputRoot = stripSlash(inputRoot);
        this.outputRoot = stripSlash(outputRoot);
        this.sharedPrefixes = Set.copyOf(sharedPrefixes);
    }

    /** The input's path relative to the input folder, or its file name when it lies elsewhere. */
    static String relative(String inputRoot, String path) {
        String root = stripSlash(inputRoot) + "/";
        if (path.startsWith(root)) {
            return path.substring(root.length());
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The relative path without its extension. */
    static String withoutExtension(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        return dot > slash + 1 ? relative.substring(0, dot) : relative;
    }

    /** The output prefix of an input ({@code OUT/a/0001}); its pictures are {@code PREFIX-KEY.png}. */
    String prefix(String path) {
        String relative = relative(inputRoot, path);
        String stem = withoutExtension(relative);
        return outputRoot + "/" + (sharedPrefixes.contains(stem) ? relative : stem);
    }

    /**
     * Writes the pictures of one image and returns their prefix.
     *
     * @throws UncheckedIOException when the output file system fails (this fails the task: it is not the image's fault)
     */
    String write(String path, Map<String, BufferedImage> pictures, Configuration conf) {
        String prefix = prefix(path);
        try {
            for (Map.Entry<String, BufferedImage> p : pictures.entrySet()) {
                Path target = new Path(prefix + "-" + p.getKey() + ".png");
                FileSystem fs = target.getFileSystem(conf);
                if (fs instanceof LocalFileSystem local) {
                    // Straight to the local disk, as segment writes: Hadoop's local file system sets permissions and
                    // renames file by file at a cost of 40 s of system time per 4000 pictures here; no .crc files either.
                    BufferedImage picture = p.getValue();
                    SafeFiles.write(local.pathToFile(target).toPath(), out -> ImageFiles.encodePng(picture, out));
                    continue;
                }
                Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
                try (OutputStream out = fs.create(tmp, true)) {
                    ImageFiles.encodePng(p.getValue(), out); // the same PNG bytes as segment's
                }
                // A local rename replaces the target; HDFS's refuses, so delete the old picture (a re-run's) and retry.
                if (!fs.rename(tmp, target) && !(fs.delete(target, false) && fs.rename(tmp, target))) {
                    throw new IOException("could not rename " + tmp + " to " + target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the pictures of " + path + " under " + prefix + " failed: " + e.getMessage(), e);
        }
        return prefix;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
