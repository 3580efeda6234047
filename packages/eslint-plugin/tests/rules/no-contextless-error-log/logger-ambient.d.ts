// Stand-ins for the logging libraries' own declarations, so type-aware tests can see a receiver whose
// declared type comes from "winston", "pino", "bunyan" or "@nestjs/common". Only the shape matters.

declare module "winston" {
  export interface LeveledLogMethod {
    (message: string, ...meta: unknown[]): Logger;
  }
  export interface Logger {
    error: LeveledLogMethod;
    warn: LeveledLogMethod;
    info: LeveledLogMethod;
    log(level: string, message: string, ...meta: unknown[]): Logger;
  }
  export function createLogger(options?: object): Logger;
}

declare module "pino" {
  // Like pino's own types: a namespace merged with the factory, `Logger` an alias of an intersection.
  namespace pino {
    interface LogFn {
      (obj: unknown, msg?: string, ...args: unknown[]): void;
      (msg: string, ...args: unknown[]): void;
    }
    interface BaseLogger {
      error: LogFn;
      warn: LogFn;
      info: LogFn;
    }
    type Logger = BaseLogger & { child(bindings: object): Logger; flush(): void };
  }
  function pino(options?: object): pino.Logger;
  export = pino;
}

declare module "bunyan" {
  class Logger {
    error(obj: unknown, ...params: unknown[]): void;
    warn(obj: unknown, ...params: unknown[]): void;
    static createLogger(options: { name: string }): Logger;
  }
  export = Logger;
}

declare module "@nestjs/common" {
  export interface LoggerService {
    error(message: unknown, ...optionalParams: unknown[]): unknown;
    warn(message: unknown, ...optionalParams: unknown[]): unknown;
    log(message: unknown, ...optionalParams: unknown[]): unknown;
  }
  export class ConsoleLogger implements LoggerService {
    error(message: unknown, ...optionalParams: unknown[]): void;
    warn(message: unknown, ...optionalParams: unknown[]): void;
    log(message: unknown, ...optionalParams: unknown[]): void;
  }
  export class Logger implements LoggerService {
    constructor(context?: string);
    error(message: unknown, ...optionalParams: unknown[]): void;
    warn(message: unknown, ...optionalParams: unknown[]): void;
    log(message: unknown, ...optionalParams: unknown[]): void;
  }
}

// Not a logger: a UI library whose toasts have level-like methods.
declare module "@acme/ui" {
  export interface Toaster {
    error(message: string, durationMs?: number): string;
    success(message: string, durationMs?: number): string;
    info(message: string, durationMs?: number): string;
  }
  export const toast: Toaster;
}
