package org.rnnexplorer.io.pytorch;

/**
 * A storage as a checkpoint's pickle names it: {@code ('storage', torch.FloatStorage, key, location, numel)}. Its
 * bytes are elsewhere in the file (a zip entry {@code data/KEY}, or after the pickles in the legacy format); the
 * location ({@code cpu}, {@code cuda:0}, {@code mps}) only says where it lived and does not change the bytes.
 */
record StorageRef(String key, DType dtype, long numel, String location) {
}
