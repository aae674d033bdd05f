/**
 * One-file example programs to copy: each has a {@code main} that calls a {@code static run(...)}, which returns the
 * result and writes a PNG under {@code target/examples/}; each has a JUnit test that calls {@code run} and checks the
 * result. All run offline, on the bundled sample photo ({@code sample/chelsea.png}) or on generated images; the SSN
 * example needs the SSN model of {@code ../shared} and the DINO example an exported ViT (its test uses a tiny generated
 * one). Run one with {@code java -cp examples/target/supercuts.jar org.supercuts.examples.SegmentOneImage} after
 * {@code ./supercuts} has built the jar. It may use every library package.
 */
package org.supercuts.examples;
