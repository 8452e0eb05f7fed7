export * from './renderTextTable.ts';
export * from './buildOrderTrace.ts';
export * from './renderLogLine.ts';
export * from './renderOrderTraceSvg.ts';
export * from './topologyView.ts';
export * from './renderTopologyMermaid.ts';
export * from './renderTopologySvg.ts';
