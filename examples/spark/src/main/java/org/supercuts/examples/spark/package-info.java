/**
 * The segmentation job on Apache Spark ({@code ./supercuts spark}, docs/spark.md): images read with the {@code binaryFile}
 * source, segmented by one pipeline per executor JVM, written as one Parquet row per image. It may use every library
 * package, and {@code org.supercuts.examples.cli} (for the {@code segment} command's options and pictures).
 */
package org.supercuts.examples.spark;
