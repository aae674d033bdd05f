/**
 * The {@code ./supercuts} command line: {@code segment}, {@code evaluate}, {@code pseudolabels} and the options they
 * share. It may use every library package, and {@code org.supercuts.examples.bench}.
 */
package org.supercuts.examples.cli;
