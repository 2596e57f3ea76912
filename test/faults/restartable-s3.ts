/**
 * s3rver that can be stopped and started again on the same port and data
 * folder, as an outage of the store: stopping cuts every open connection
 * (in-flight requests fail mid-way, new ones are refused) until it is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export class RestartableS3 {
  private server: S3rver | null = null;
  readonly directory = mkdtempSync(join(tmpdir(), 'ae-faults-s3-'));
  port = 0;
  outages = 0;

  constructor(private readonly buckets: string[]) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      silent: !process.env.S3RVER_LOG,
      directory: this.directory,
      configureBuckets: this.buckets.map((name) => ({ name, configs: [] })),
    });
    const { port } = (await server.run()) as { port: number };
    this.port = port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const http = (server as unknown as { httpServer: Server }).httpServer;
    const closed = server.close();
    http.closeAllConnections(); // in-flight requests are cut, not drained
    await closed;
  }

  /** Stops the server, keeps it down for `downMs`, and starts it again on the same port and data. */
  async outage(downMs: number): Promise<void> {
    this.outages++;
    await this.stop();
    await new Promise((r) => setTimeout(r, downMs));
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
