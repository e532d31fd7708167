export { createCsvWatermarker, headerWindow } from './csv-watermarker.js';
export { createJsonlWatermarker } from './jsonl-watermarker.js';
export { extractWatermark, type ExtractedWatermark } from './watermark-extractor.js';
export { rowThreshold } from './fragment-code.js';
export { watermarkBytes, type StreamingWatermarker } from './streaming-watermarker.js';
export { WatermarkPayloadError, type WatermarkPayload } from './watermark-payload.js';
