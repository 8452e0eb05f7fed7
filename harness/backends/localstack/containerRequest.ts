import { Wait, type GenericContainer, type WaitStrategy } from 'testcontainers';

/** How testcontainers decides a container is ready, as data that tests can compare. */
export type WaitSpec =
  | { kind: 'log'; message: string }
  | { kind: 'http'; path: string; port: number; status: number }
  /** Started, and every exposed port (if any) listening. */
  | { kind: 'listening-ports' };

export interface BindMountSpec {
  /** A path on the Docker engine's host, not necessarily on the machine running the harness. */
  source: string;
  target: string;
  mode: 'rw' | 'ro';
}

/** What copying sends to the container through the Docker API (works when the engine is remote, unlike bind mounts). */
export interface CopySpec {
  source: string;
  target: string;
}

/**
 * One container of the stack, described without touching Docker: the pure functions beside this file
 * build these, and `applyContainerRequest` turns one into testcontainers calls.
 */
export interface ContainerRequest {
  /** For progress lines and errors. */
  name: string;
  /** The image; for a built image, what it is built from. */
  image: string;
  environment: Record<string, string>;
  bindMounts: BindMountSpec[];
  networkName: string;
  networkAliases: string[];
  exposedPorts: number[];
  wait: WaitSpec;
  startupTimeoutMs: number;
  entrypoint?: string[];
  command?: string[];
  copyDirectories: CopySpec[];
}

export function waitStrategyFor(spec: WaitSpec): WaitStrategy {
  switch (spec.kind) {
    case 'log':
      return Wait.forLogMessage(spec.message);
    case 'http':
      return Wait.forHttp(spec.path, spec.port).forStatusCode(spec.status);
    case 'listening-ports':
      return Wait.forListeningPorts();
  }
}

export interface ApplyContainerRequestOptions {
  /** Ports the container class exposes already (LocalstackContainer exposes 4566). */
  alreadyExposed?: readonly number[];
}

/** Configures a testcontainers container from a request; creates nothing. */
export function applyContainerRequest<T extends GenericContainer>(container: T, request: ContainerRequest, options: ApplyContainerRequestOptions = {}): T {
  container
    .withEnvironment(request.environment)
    .withNetworkMode(request.networkName)
    .withWaitStrategy(waitStrategyFor(request.wait))
    .withStartupTimeout(request.startupTimeoutMs);
  if (request.networkAliases.length > 0) container.withNetworkAliases(...request.networkAliases);
  const ports = request.exposedPorts.filter((port) => !options.alreadyExposed?.includes(port));
  if (ports.length > 0) container.withExposedPorts(...ports);
  if (request.bindMounts.length > 0) container.withBindMounts(request.bindMounts);
  if (request.copyDirectories.length > 0) container.withCopyDirectoriesToContainer(request.copyDirectories);
  if (request.entrypoint) container.withEntrypoint(request.entrypoint);
  if (request.command) container.withCommand(request.command);
  return container;
}
