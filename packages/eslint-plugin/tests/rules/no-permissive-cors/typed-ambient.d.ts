// Stand-ins for the packages the type-aware cases import, reduced to what the rule asks the checker.
declare module "cors" {
  export interface CorsOptions {
    origin?: boolean | string | RegExp | (string | RegExp)[] | ((origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) => void);
    credentials?: boolean;
    methods?: string | string[];
    maxAge?: number;
  }
  export default function cors(options?: CorsOptions): (request: unknown, response: unknown, next: () => void) => void;
}

declare module "express" {
  export interface Response {
    setHeader(name: string, value: string): this;
  }
  export interface Application {
    use(...handlers: unknown[]): this;
    get(path: string, handler: (request: unknown, response: Response) => void): this;
  }
  export default function express(): Application;
}

declare module "@nestjs/common" {
  import type { CorsOptions } from "cors";
  export interface INestApplication {
    enableCors(options?: CorsOptions): void;
    listen(port: number): Promise<void>;
  }
  export class Logger {
    log(message: string): void;
  }
}

declare module "@nestjs/core" {
  import type { CorsOptions } from "cors";
  import type { INestApplication } from "@nestjs/common";
  export const NestFactory: {
    create<T extends INestApplication = INestApplication>(module: unknown, options?: { cors?: boolean | CorsOptions }): Promise<T>;
  };
}

declare module "@nestjs/platform-express" {
  import type { INestApplication } from "@nestjs/common";
  export interface NestExpressApplication extends INestApplication {
    set(setting: string, value: unknown): this;
  }
}

// The project's own bootstrap package: it builds the Nest app, so the file calling enableCors() imports nothing from @nestjs/.
declare module "@acme/bootstrap" {
  import type { NestExpressApplication } from "@nestjs/platform-express";
  export function createApp(): Promise<NestExpressApplication>;
}

// A storage SDK whose buckets have their own enableCors(), unrelated to NestJS.
declare module "@acme/storage" {
  export class Bucket {
    enableCors(rule: { origin: string | boolean; methods?: string[] }): Promise<void>;
  }
}

// Configuration modules: what the checker knows about values the linted file cannot see.
declare module "@acme/cors-settings" {
  export const CORS_ORIGIN: "*";
  export const ALLOW_CREDENTIALS: "true";
  export const settings: { readonly cors: { readonly origin: true; readonly credentials: true; readonly allowAll: boolean } };
  export const corsOptions: { readonly origin: "*"; readonly credentials: true };
  export const publicCors: { readonly origin: "*" };
  export const ORIGIN_FROM_ENV: string;
  export const APP_ORIGIN: "https://app.example.com" | "https://admin.example.com";
  export const ALLOWED_ORIGINS: string[];
  export const ORIGIN_PATTERN: RegExp;
  export const checkOrigin: (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) => void;
  export const configuredOptions: import("cors").CorsOptions;
}
