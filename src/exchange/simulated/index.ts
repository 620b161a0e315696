/** The built-in simulated exchange: public API. */
export { createSimulatedExchange, START_INDEX } from './simulatedExchange';
export type { SimulatedExchange, SimulatedExchangeOptions } from './simulatedExchange';
export type { SimulatorState, OpenOrderState } from './state';
export { SIMULATOR_STATE_VERSION, MAX_CLOSED_ORDERS, MAX_TRADES } from './state';
export { decodeSample, encodeSample } from './sampleCodec';
export { loadSamples } from './sampleLoader';
export type { SampleIndex, FetchLike } from './sampleLoader';
