/**
 * One feature vector per region: the {@link org.supercuts.feature.FeatureExtractor} family (mean colour and position
 * here; DINO and SSN features in {@code supercuts-onnx}) and the {@link org.supercuts.feature.RegionFeatures} matrix
 * they fill. It may use {@code org.supercuts.image}, {@code org.supercuts.graph}.
 */
package org.supercuts.feature;
