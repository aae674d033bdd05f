/**
 * Array files for exchange with other implementations: NumPy {@code .npy} reading and writing. It uses no other
 * SuperCuts package.
 */
package org.supercuts.io;
